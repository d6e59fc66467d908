// Organizations as the platform syncs them: PUT /api/v1/organizations/{id} replaces the record
// (omitted optional fields return to their defaults) after checking it fits the tree.
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgKind } from "@/lib/generated/prisma/enums";
import { directoryChanged } from "./events";
import { invalidField } from "./invalid-field";
import { assertNotPlatformOrganization } from "./platform-guard";
import type { OrganizationUpsert } from "./schemas";
import { directoryTransaction } from "./write-lock";

// The marketplace tree: which kinds may be the parent of each kind. Every parent ranks strictly
// above its child, so a tree that follows these rules cannot contain a cycle. A parent is
// optional (e.g. when the platform organization itself is not synced); the platform has none.
export const allowedParentKinds: Record<OrgKind, readonly OrgKind[]> = {
  platform: [],
  distributor: ["platform"],
  vendor: ["platform"],
  reseller: ["distributor", "platform"],
  customer: ["reseller"],
};

const MAX_DEPTH = 20;

function parentRule(kind: OrgKind) {
  const kinds = allowedParentKinds[kind];
  return kinds.length ? `a ${kind} belongs under a ${kinds.join(" or ")}` : `a ${kind} organization has no parent`;
}

type Tx = Prisma.TransactionClient;

async function checkParent(tx: Tx, id: string, kind: OrgKind, parentId: string) {
  if (parentId === id) throw invalidField("parentId", "must not be the organization itself");
  const parent = await tx.organization.findUnique({ where: { id: parentId }, select: { kind: true, parentId: true } });
  if (!parent) throw invalidField("parentId", `names no known organization (${parentId}); sync the parent first`);
  if (!allowedParentKinds[kind].includes(parent.kind)) {
    throw invalidField("parentId", `is a ${parent.kind}, but ${parentRule(kind)}`);
  }
  // The kind rules already exclude cycles; this walk is the guard should the data ever disagree.
  let ancestorId = parent.parentId;
  for (let depth = 0; ancestorId && depth < MAX_DEPTH; depth++) {
    if (ancestorId === id) throw invalidField("parentId", `would make ${id} its own ancestor`);
    ancestorId =
      (await tx.organization.findUnique({ where: { id: ancestorId }, select: { parentId: true } }))?.parentId ?? null;
  }
}

/** A new kind must still suit the organizations already beneath it. */
async function checkChildren(tx: Tx, id: string, kind: OrgKind) {
  const children = await tx.organization.findMany({
    where: { parentId: id },
    select: { id: true, kind: true },
    take: 1000,
  });
  const misfit = children.find((child) => !allowedParentKinds[child.kind].includes(kind));
  if (misfit)
    throw invalidField(
      "kind",
      `cannot become ${kind}: ${misfit.id} beneath it is a ${misfit.kind}, and ${parentRule(misfit.kind)}`,
    );
}

/** Contacts may name users not synced yet; a user who exists must belong to this organization. */
async function checkContact(tx: Tx, id: string, field: "primaryContactId" | "billingContactId", userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { organizationId: true } });
  if (user && user.organizationId !== id) {
    throw invalidField(field, `names user ${userId}, who belongs to organization ${user.organizationId}, not ${id}`);
  }
}

export async function upsertOrganization({
  id,
  input,
  apiKeyId,
}: {
  id: string;
  input: OrganizationUpsert;
  apiKeyId?: string;
}) {
  const result = await directoryTransaction(async (tx) => {
    const existing = await tx.organization.findUnique({ where: { id }, select: { kind: true } });
    if (input.parentId) await checkParent(tx, id, input.kind, input.parentId);
    await assertNotPlatformOrganization(tx, id, input.kind);
    if (existing && existing.kind !== input.kind) await checkChildren(tx, id, input.kind);
    if (input.primaryContactId) await checkContact(tx, id, "primaryContactId", input.primaryContactId);
    if (input.billingContactId) await checkContact(tx, id, "billingContactId", input.billingContactId);

    const branding = input.branding && Object.keys(input.branding).length ? input.branding : Prisma.DbNull;
    const data = {
      name: input.name,
      kind: input.kind,
      parentId: input.parentId ?? null,
      status: input.status ?? "active",
      primaryContactId: input.primaryContactId ?? null,
      billingContactId: input.billingContactId ?? null,
      branding,
    };
    const organization = await tx.organization.upsert({ where: { id }, create: { id, ...data }, update: data });
    await tx.auditLog.create({
      data: {
        action: existing ? "organization.updated" : "organization.created",
        target: id,
        details: { apiKeyId: apiKeyId ?? null },
      },
    });
    return { organization, created: !existing };
  });
  directoryChanged({ kind: "organization", id });
  return { organization: toOrganizationResponse(result.organization), created: result.created };
}

function toOrganizationResponse(org: Prisma.OrganizationGetPayload<object>) {
  return {
    id: org.id,
    name: org.name,
    kind: org.kind,
    parentId: org.parentId,
    status: org.status,
    primaryContactId: org.primaryContactId,
    billingContactId: org.billingContactId,
    branding: (org.branding ?? null) as { logoUrl?: string; primaryColor?: string } | null,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}
