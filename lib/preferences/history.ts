// The preference change log: one row per change (who, when, scope, cell, old → new), written in
// the same transaction as the change so concurrent changes cannot lose a row.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Rule } from "@/lib/recipient-rules/schemas";
import { categories, getType, type Channel } from "@/lib/notifications/catalog";
import type { Cadence } from "@/lib/delivery-timing/windows";
import type { PreferenceChangeEntry } from "./items";

type Tx = Pick<Prisma.TransactionClient, "preferenceChange">;

export type ChangeVia = "settings" | "admin" | "unsubscribe" | "api";

export interface ChangeRecord {
  actorId: string | null;
  scope: "user" | "organization";
  userId?: string;
  /** For user changes: the user's organization, so its admins see the change in its history. */
  organizationId: string;
  type: string;
  /** null for a recipient rule change. */
  channel: Channel | null;
  oldEnabled: boolean | null;
  newEnabled: boolean | null;
  oldRule?: Rule | null;
  newRule?: Rule | null;
  oldLocked?: boolean | null;
  newLocked?: boolean | null;
  /** Cadence changes (type is then the category, channel "email"); null: inherited. */
  oldCadence?: Cadence | null;
  newCadence?: Cadence | null;
  via: ChangeVia;
}

export async function recordChanges(tx: Tx, changes: ChangeRecord[]) {
  if (changes.length === 0) return;
  await tx.preferenceChange.createMany({
    data: changes.map(({ oldRule, newRule, ...change }) => ({
      ...change,
      // Prisma.DbNull: a SQL NULL (the rule was inherited), not a JSON null.
      ...(oldRule !== undefined
        ? { oldRule: oldRule ? (oldRule as unknown as Prisma.InputJsonValue) : Prisma.DbNull }
        : {}),
      ...(newRule !== undefined
        ? { newRule: newRule ? (newRule as unknown as Prisma.InputJsonValue) : Prisma.DbNull }
        : {}),
    })),
  });
}

/** Cadence changes name a category where other changes name a type (types have a dot, categories none). */
const isCadenceChange = (type: string) => !getType(type) && Object.hasOwn(categories, type);

/** Newest first; `before` is the id of the last entry of the previous page. */
export async function listOrganizationHistory(params: {
  organizationId: string;
  limit?: number;
  before?: string;
}): Promise<{ items: PreferenceChangeEntry[]; nextCursor: string | null }> {
  const limit = params.limit ?? 50;
  const rows = await db.preferenceChange.findMany({
    where: { organizationId: params.organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(params.before ? { cursor: { id: params.before }, skip: 1 } : {}),
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const people = await db.user.findMany({
    where: {
      id: { in: [...new Set(page.flatMap((row) => [row.actorId, row.userId]).filter((id): id is string => !!id))] },
    },
    select: { id: true, name: true },
  });
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const items = page.map((row): PreferenceChangeEntry => ({
    id: row.id,
    at: row.createdAt.toISOString(),
    actorName: row.actorId ? (nameOf.get(row.actorId) ?? row.actorId) : null,
    scope: row.scope === "user" ? "user" : "organization",
    ...(row.userId ? { userName: nameOf.get(row.userId) ?? row.userId } : {}),
    type: row.type,
    typeLabel:
      getType(row.type)?.label ??
      (isCadenceChange(row.type) ? categories[row.type as keyof typeof categories].label : undefined) ??
      row.type,
    channel: row.channel,
    old: { enabled: row.oldEnabled, locked: row.oldLocked },
    new: { enabled: row.newEnabled, locked: row.newLocked },
    ...(isCadenceChange(row.type) ? { cadence: { old: row.oldCadence, new: row.newCadence } } : {}),
    ...(row.channel === null
      ? { rule: { old: (row.oldRule as Rule | null) ?? null, new: (row.newRule as Rule | null) ?? null } }
      : {}),
    via: row.via,
  }));
  return { items, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
