// Users as the platform syncs them: PUT /api/v1/users/{id} replaces the record (and reactivates
// a deactivated user), DELETE deactivates, and sign-in links hand a user over from the portal.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createSignInLink } from "@/lib/auth/sign-in-links";
import { directoryChanged } from "./events";
import { invalidField } from "./invalid-field";
import { assertNotPlatformUser } from "./platform-guard";
import type { UserUpsert } from "./schemas";
import { directoryTransaction } from "./write-lock";

const publicFields = {
  id: true,
  email: true,
  name: true,
  organizationId: true,
  role: true,
  locale: true,
  timezone: true,
  active: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function upsertUser({ id, input, apiKeyId }: { id: string; input: UserUpsert; apiKeyId?: string }) {
  const result = await directoryTransaction(async (tx) => {
    const organization = await tx.organization.findUnique({
      where: { id: input.organizationId },
      select: { id: true },
    });
    if (!organization)
      throw invalidField("organizationId", `names no known organization (${input.organizationId}); sync it first`);
    await assertNotPlatformUser(tx, id, input.organizationId);
    const holder = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (holder && holder.id !== id) {
      const message = `${input.email} already belongs to user ${holder.id}`;
      throw new AppError("conflict", message, [{ path: "email", message }]);
    }
    const existing = await tx.user.findUnique({ where: { id }, select: { active: true } });
    // Replace semantics: an omitted locale or timezone returns to the default.
    const data = {
      email: input.email,
      name: input.name,
      organizationId: input.organizationId,
      role: input.role,
      locale: input.locale ?? "en",
      timezone: input.timezone ?? "UTC",
      active: true,
    };
    const user = await tx.user.upsert({ where: { id }, create: { id, ...data }, update: data, select: publicFields });
    const action = !existing ? "user.created" : existing.active ? "user.updated" : "user.reactivated";
    await tx.auditLog.create({ data: { action, target: id, details: { apiKeyId: apiKeyId ?? null } } });
    return { user, created: !existing };
  });
  directoryChanged({ kind: "user", id });
  return { user: toUserResponse(result.user), created: result.created };
}

/**
 * Deactivates a user: their notifications stay, nothing new reaches them, open sign-in links die.
 * Through the Platform API (an `apiKeyId`), never a user of the platform organization.
 */
export async function deactivateUser({ id, apiKeyId }: { id: string; apiKeyId?: string }) {
  if (apiKeyId) await assertNotPlatformUser(db, id);
  const [updated] = await db.$transaction([
    db.user.updateMany({ where: { id }, data: { active: false } }),
    db.signInToken.updateMany({ where: { userId: id, usedAt: null }, data: { usedAt: new Date() } }),
  ]);
  if (updated.count === 0) throw new AppError("not_found", `No user with id ${id}`);
  await db.auditLog.create({
    data: { action: "user.deactivated", target: id, details: { apiKeyId: apiKeyId ?? null } },
  });
  directoryChanged({ kind: "user", id });
  return { id, active: false as const };
}

/**
 * A one-time sign-in link for an active user (404 unknown, 409 deactivated, 403 for a user of the
 * platform organization). Every link asked for is audited: which key, for whom, refused or not.
 */
export async function createUserSignInLink({
  userId,
  apiKey,
}: {
  userId: string;
  apiKey: { id: string; name: string };
}) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { active: true, organization: { select: { kind: true } } },
  });
  if (!user) throw new AppError("not_found", `No user with id ${userId}`);
  const audit = (action: string, reason?: string) =>
    db.auditLog.create({
      data: { action, target: userId, details: { apiKeyId: apiKey.id, apiKeyName: apiKey.name, reason } },
    });
  if (user.organization.kind === "platform") {
    await audit("user.sign_in_link_refused", "platform organization");
    await assertNotPlatformUser(db, userId);
  }
  if (!user.active)
    throw new AppError(
      "conflict",
      `User ${userId} is deactivated; reactivate them with PUT /api/v1/users/${userId} first`,
    );
  const link = await createSignInLink(userId);
  await audit("user.sign_in_link_created");
  return { url: link.url, expiresAt: link.expiresAt.toISOString() };
}

type UserRow = { [K in keyof typeof publicFields]: unknown } & { createdAt: Date; updatedAt: Date };

function toUserResponse<T extends UserRow>(user: T) {
  return { ...user, createdAt: user.createdAt.toISOString(), updatedAt: user.updatedAt.toISOString() };
}
