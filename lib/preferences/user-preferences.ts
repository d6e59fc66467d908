// A user's own preferences: the effective matrix, overrides per cell or per category, reset, and
// `setUserPreference` (also called by the email unsubscribe link). Every change is recorded.
import { db, sql, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Channel, NotificationType } from "@/lib/notifications/catalog";
import { decideCell, type Decision } from "./decide";
import { allCells, lockReason, toPreferenceItem } from "./cells";
import { recordChanges, type ChangeRecord, type ChangeVia } from "./history";
import { listUserCadences } from "./cadence";
import type { CadenceItem, PreferenceItem, SkippedCell } from "./items";
import { buildLevels, indexSettings, ruleFor } from "./levels";
import { loadAncestorChains } from "./org-tree";

type Client = Pick<Prisma.TransactionClient, "$queryRaw" | "user" | "userPreference" | "organizationPreference">;

/** Everything needed to decide this user's cells: their organization chain, its settings, their overrides. */
async function loadUserContext(client: Client, userId: string, types?: NotificationType[], forUpdate = false) {
  // Locking the user row serializes concurrent changes of one user's preferences, so each history
  // row's "old" is the previous row's "new". NO KEY UPDATE does not block inserts referencing the user.
  const users = forUpdate
    ? await client.$queryRaw<{ id: string; organizationId: string }[]>(sql`
        SELECT id, "organizationId" FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`)
    : await client.user.findMany({ where: { id: userId }, select: { id: true, organizationId: true } });
  const user = users[0];
  if (!user) throw new AppError("not_found", "User not found");
  const chain = (await loadAncestorChains([user.organizationId], client)).get(user.organizationId) ?? [];
  const typeFilter = types ? { type: { in: types } } : {};
  const settings = indexSettings(
    await client.organizationPreference.findMany({
      where: { organizationId: { in: chain.map((link) => link.id) }, ...typeFilter },
    }),
  );
  const rows = await client.userPreference.findMany({ where: { userId, ...typeFilter } });
  const overrides = new Map(rows.map((row) => [`${row.type}:${row.channel}`, row.enabled]));
  const decide = (type: NotificationType, channel: Channel): Decision =>
    decideCell({
      channel,
      rule: ruleFor(type, channel),
      levels: buildLevels(chain, settings, type, channel),
      override: overrides.get(`${type}:${channel}`),
    });
  return { user, overrides, decide };
}

export async function listUserPreferences(userId: string, client: Client = db): Promise<PreferenceItem[]> {
  const { decide } = await loadUserContext(client, userId);
  return allCells().map(({ type, channel }) => toPreferenceItem(type, channel, decide(type, channel)));
}

interface UserPreferenceChange {
  userId: string;
  types: NotificationType[];
  channel: Channel;
  /** null removes the override: the cell returns to the inherited value. */
  enabled: boolean | null;
  via: ChangeVia;
  actorId: string | null;
  /** true: a locked or critical cell is an error (409); false: it is skipped and reported. */
  strict: boolean;
}

/** Sets (or clears) the user's override on each cell; returns the cells after the change. */
export async function changeUserPreferences(
  change: UserPreferenceChange,
): Promise<{ items: PreferenceItem[]; skipped: SkippedCell[] }> {
  return db.$transaction(async (tx) => {
    const { user, overrides, decide } = await loadUserContext(tx, change.userId, change.types, true);
    const skipped: SkippedCell[] = [];
    const records: ChangeRecord[] = [];
    for (const type of change.types) {
      const reason = lockReason(type, change.channel, decide(type, change.channel));
      if (reason) {
        if (change.strict) throw new AppError("conflict", reason);
        skipped.push({ type, channel: change.channel, reason });
        continue;
      }
      const old = overrides.get(`${type}:${change.channel}`) ?? null;
      if (old === change.enabled) continue;
      const where = { userId_type_channel: { userId: user.id, type, channel: change.channel } };
      if (change.enabled === null) await tx.userPreference.delete({ where });
      else
        await tx.userPreference.upsert({
          where,
          create: { userId: user.id, type, channel: change.channel, enabled: change.enabled },
          update: { enabled: change.enabled },
        });
      records.push({
        actorId: change.actorId,
        scope: "user",
        userId: user.id,
        organizationId: user.organizationId,
        type,
        channel: change.channel,
        oldEnabled: old,
        newEnabled: change.enabled,
        via: change.via,
      });
    }
    if (change.types.length > 0 && skipped.length === change.types.length) {
      throw new AppError(
        "conflict",
        skipped.length === 1 ? skipped[0]!.reason : `Nothing changed: ${skipped.map((cell) => cell.reason).join("; ")}`,
      );
    }
    await recordChanges(tx, records);
    const after = await loadUserContext(tx, change.userId, change.types);
    const changedTypes = change.types.filter((type) => !skipped.some((cell) => cell.type === type));
    return {
      items: changedTypes.map((type) => toPreferenceItem(type, change.channel, after.decide(type, change.channel))),
      skipped,
    };
  });
}

/**
 * One cell of one user's preferences, e.g. from the email unsubscribe link
 * (`via: "unsubscribe"`, `enabled: false`, channel "email"). Throws AppError "conflict" (409)
 * when the cell is locked by an organization or critical; "not_found" for an unknown user.
 */
export async function setUserPreference(params: {
  userId: string;
  type: NotificationType;
  channel: Channel;
  enabled: boolean | null;
  via: "unsubscribe" | "settings";
  actorId: string | null;
}): Promise<PreferenceItem> {
  const { items } = await changeUserPreferences({ ...params, types: [params.type], strict: true });
  return items[0]!;
}

/**
 * "Reset to organization defaults": removes every override of the user, their channel choices and
 * their email cadences alike, recording each one. Their digest time and quiet hours stay: an
 * organization has no default for those.
 */
export async function resetUserPreferences(params: {
  userId: string;
  actorId: string | null;
}): Promise<{ items: PreferenceItem[]; cadence: CadenceItem[]; removed: number }> {
  const removed = await db.$transaction(async (tx) => {
    const { user } = await loadUserContext(tx, params.userId, [], true);
    const rows = await tx.userPreference.findMany({ where: { userId: user.id } });
    const cadences = await tx.userCadence.findMany({ where: { userId: user.id } });
    await tx.userPreference.deleteMany({ where: { userId: user.id } });
    await tx.userCadence.deleteMany({ where: { userId: user.id } });
    const change = {
      actorId: params.actorId,
      scope: "user",
      userId: user.id,
      organizationId: user.organizationId,
      newEnabled: null,
      via: "settings",
    } as const;
    await recordChanges(tx, [
      ...rows.map((row): ChangeRecord => ({
        ...change,
        type: row.type,
        channel: row.channel,
        oldEnabled: row.enabled,
      })),
      // As changeUserCadence records them: the category in place of a type.
      ...cadences.map((row): ChangeRecord => ({
        ...change,
        type: row.category,
        channel: "email",
        oldEnabled: null,
        oldCadence: row.cadence,
        newCadence: null,
      })),
    ]);
    return rows.length + cadences.length;
  });
  const [items, cadence] = await Promise.all([listUserPreferences(params.userId), listUserCadences(params.userId)]);
  return { items, cadence, removed };
}
