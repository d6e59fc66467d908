// Email cadence per category (instant, hourly or daily digest): the user's choice, their
// organizations' defaults and locks (the same model as the per-type settings, decided by
// cadence-decide.ts), and the user's delivery schedule (daily digest time, quiet hours). Every
// cadence change is recorded in the preference history.
import { db, sql, type Prisma } from "@/lib/db";
import { invalidate } from "@/lib/cache/invalidation";
import { createKeyedCache } from "@/lib/cache/keyed-cache";
import { getOrgChains } from "@/lib/directory/org-cache";
import { AppError } from "@/lib/errors";
import { catalog, categories, categoryKeys, typesInCategory, type Category } from "@/lib/notifications/catalog";
import type { Cadence, DeliverySchedule, QuietDays } from "@/lib/delivery-timing/windows";
import { decideEmailTiming, defaultSchedule } from "@/lib/delivery-timing/windows";
import { formatMinute, knownTimezone } from "@/lib/delivery-timing/zoned";
import type { EmailHold } from "@/lib/notifications/trail";
import { decideCadence, type CadenceDecision, type CadenceLevel } from "./cadence-decide";
import { recordChanges } from "./history";
import type { CadenceItem, OrganizationCadenceItem, ScheduleView } from "./items";
import { loadAncestorChains, type ChainLink } from "./org-tree";

type Client = Pick<Prisma.TransactionClient, "$queryRaw" | "organizationCadence" | "userCadence">;

export interface OrgCadenceRow {
  organizationId: string;
  category: string;
  cadence: Cadence | null;
  locked: boolean;
  lockedById: string | null;
}

/** Critical types are always sent at once; so are types with sensitive fields (a digest lists no secrets). */
export function alwaysInstantType(type: string): boolean {
  const definition = catalog[type as keyof typeof catalog];
  return !definition || definition.critical || definition.sensitive.length > 0;
}

const alwaysInstantLabels = (category: Category) =>
  typesInCategory(category)
    .filter(alwaysInstantType)
    .map((type) => catalog[type].label);

function cadenceLevels(chain: ChainLink[], rows: OrgCadenceRow[], category: string): CadenceLevel[] {
  return chain.map((link) => {
    const row = rows.find((candidate) => candidate.organizationId === link.id && candidate.category === category);
    const owner = row?.lockedById ? chain.find((candidate) => candidate.id === row.lockedById) : undefined;
    return {
      id: link.id,
      name: link.name,
      cadence: row?.cadence ?? null,
      locked: row?.locked ?? false,
      ...(owner ? { lockOwner: owner } : {}),
    };
  });
}

// ---- the user's own ----

async function loadUserCadenceContext(client: Client, userId: string, forUpdate = false) {
  const users = await client.$queryRaw<{ id: string; organizationId: string }[]>(
    forUpdate
      ? sql`SELECT id, "organizationId" FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`
      : sql`SELECT id, "organizationId" FROM "User" WHERE id = ${userId}`,
  );
  const user = users[0];
  if (!user) throw new AppError("not_found", "User not found");
  const chain = (await loadAncestorChains([user.organizationId], client)).get(user.organizationId) ?? [];
  const rows = await client.organizationCadence.findMany({
    where: { organizationId: { in: chain.map((link) => link.id) } },
  });
  const own = new Map(
    (await client.userCadence.findMany({ where: { userId } })).map((row) => [row.category, row.cadence]),
  );
  const decide = (category: Category) =>
    decideCadence({ levels: cadenceLevels(chain, rows, category), override: own.get(category) });
  return { user, own, decide };
}

function toCadenceItem(category: Category, decision: CadenceDecision): CadenceItem {
  return {
    category,
    cadence: decision.cadence,
    locked: decision.locked,
    source: decision.source,
    ...(decision.sourceName ? { sourceName: decision.sourceName } : {}),
    ...(decision.lockedByName ? { lockedBy: decision.lockedByName } : {}),
    alwaysInstant: alwaysInstantLabels(category),
  };
}

export async function listUserCadences(userId: string, client: Client = db): Promise<CadenceItem[]> {
  const { decide } = await loadUserCadenceContext(client, userId);
  return categoryKeys.map((category) => toCadenceItem(category, decide(category)));
}

/** Sets (or with null clears) the user's cadence for a category; 409 when an organization locked it. */
export async function changeUserCadence(params: {
  userId: string;
  category: Category;
  cadence: Cadence | null;
  actorId: string | null;
}): Promise<CadenceItem> {
  return db.$transaction(async (tx) => {
    const { user, own, decide } = await loadUserCadenceContext(tx, params.userId, true);
    const before = decide(params.category);
    if (before.locked) {
      throw new AppError(
        "conflict",
        `Locked by ${before.lockedByName}: the email cadence for “${categories[params.category].label}” cannot be changed`,
      );
    }
    const old = own.get(params.category) ?? null;
    if (old !== params.cadence) {
      const where = { userId_category: { userId: user.id, category: params.category } };
      if (params.cadence === null) await tx.userCadence.delete({ where });
      else
        await tx.userCadence.upsert({
          where,
          create: { userId: user.id, category: params.category, cadence: params.cadence },
          update: { cadence: params.cadence },
        });
      await recordChanges(tx, [
        {
          actorId: params.actorId,
          scope: "user",
          userId: user.id,
          organizationId: user.organizationId,
          type: params.category,
          channel: "email",
          oldEnabled: null,
          newEnabled: null,
          oldCadence: old,
          newCadence: params.cadence,
          via: "settings",
        },
      ]);
    }
    const after = await loadUserCadenceContext(tx, params.userId);
    return toCadenceItem(params.category, after.decide(params.category));
  });
}

// ---- organizations ----

async function loadOrgCadenceContext(client: Client, organizationId: string, actorOrganizationId: string) {
  const chain = (await loadAncestorChains([organizationId], client)).get(organizationId);
  if (!chain) throw new AppError("not_found", "Organization not found");
  const rows = await client.organizationCadence.findMany({
    where: { organizationId: { in: chain.map((link) => link.id) } },
  });
  const actorDepth = chain.findIndex((link) => link.id === actorOrganizationId);
  const manages = (id: string) => actorDepth !== -1 && chain.findIndex((link) => link.id === id) <= actorDepth;
  const item = (category: Category): OrganizationCadenceItem => {
    const levels = cadenceLevels(chain, rows, category);
    const effective = decideCadence({ levels });
    const inherited = decideCadence({ levels: levels.slice(1) });
    const own = levels[0]!;
    const ownOwner = own.locked ? (own.lockOwner ?? own) : undefined;
    const blockedBy = inherited.lockedByName ?? (ownOwner && !manages(ownOwner.id) ? ownOwner.name : undefined);
    return {
      category,
      cadence: effective.cadence,
      source: effective.source === "user" ? "organization" : effective.source,
      ...(effective.sourceName ? { sourceName: effective.sourceName } : {}),
      setting: own.cadence ?? null,
      locked: own.locked ?? false,
      ...(ownOwner ? { lockOwner: ownOwner.name } : {}),
      inherited: {
        cadence: inherited.cadence,
        source: inherited.source === "user" ? "organization" : inherited.source,
        ...(inherited.sourceName ? { sourceName: inherited.sourceName } : {}),
      },
      ...(blockedBy ? { lockedBy: blockedBy } : {}),
      alwaysInstant: alwaysInstantLabels(category),
    };
  };
  return { chain, rows, item };
}

export async function getOrganizationCadences(
  params: { organizationId: string; actorOrganizationId: string },
  client: Client = db,
): Promise<{ organization: ChainLink; items: OrganizationCadenceItem[] }> {
  const { chain, item } = await loadOrgCadenceContext(client, params.organizationId, params.actorOrganizationId);
  return { organization: chain[0]!, items: categoryKeys.map(item) };
}

/** An admin sets (null: inherit) and/or locks an organization's cadence for a category. */
export async function changeOrganizationCadence(change: {
  actorId: string;
  actorOrganizationId: string;
  organizationId: string;
  category: Category;
  cadence?: Cadence | null;
  locked?: boolean;
}): Promise<OrganizationCadenceItem> {
  const result = await db.$transaction(async (tx) => {
    const found = await tx.$queryRaw<{ id: string }[]>(
      sql`SELECT id FROM "Organization" WHERE id = ${change.organizationId} FOR NO KEY UPDATE`,
    );
    if (found.length === 0) throw new AppError("not_found", "Organization not found");
    const { rows, item } = await loadOrgCadenceContext(tx, change.organizationId, change.actorOrganizationId);
    const current = item(change.category);
    if (current.lockedBy) {
      throw new AppError(
        "conflict",
        `Locked by ${current.lockedBy}: the email cadence for “${categories[change.category].label}” cannot be changed here`,
      );
    }
    const row = rows.find((r) => r.organizationId === change.organizationId && r.category === change.category);
    const old = { cadence: row?.cadence ?? null, locked: row?.locked ?? false };
    const next = {
      cadence: change.cadence === undefined ? old.cadence : change.cadence,
      locked: change.locked ?? old.locked,
    };
    if (next.cadence !== old.cadence || next.locked !== old.locked) {
      const where = {
        organizationId_category: { organizationId: change.organizationId, category: change.category },
      };
      const data = { ...next, lockedById: next.locked ? change.actorOrganizationId : null };
      if (next.cadence === null && !next.locked) await tx.organizationCadence.delete({ where });
      else
        await tx.organizationCadence.upsert({
          where,
          create: { organizationId: change.organizationId, category: change.category, ...data },
          update: data,
        });
      await recordChanges(tx, [
        {
          actorId: change.actorId,
          scope: "organization",
          organizationId: change.organizationId,
          type: change.category,
          channel: "email",
          oldEnabled: null,
          newEnabled: null,
          oldLocked: old.locked,
          newLocked: next.locked,
          oldCadence: old.cadence,
          newCadence: next.cadence,
          via: "admin",
        },
      ]);
    }
    return (await loadOrgCadenceContext(tx, change.organizationId, change.actorOrganizationId)).item(change.category);
  });
  // Ingest caches organization cadences with the other organization settings.
  invalidate("organization-preferences");
  return result;
}

// ---- the delivery schedule ----

interface ScheduleRow {
  digestMinute: number;
  quietStart: number | null;
  quietEnd: number | null;
  quietDays: QuietDays;
}

export function scheduleFromRow(row: ScheduleRow | null | undefined): DeliverySchedule {
  if (!row) return defaultSchedule;
  return {
    digestMinute: row.digestMinute,
    quietHours:
      row.quietStart !== null && row.quietEnd !== null
        ? { start: row.quietStart, end: row.quietEnd, days: row.quietDays }
        : null,
  };
}

function toScheduleView(schedule: DeliverySchedule, timezone: string): ScheduleView {
  return {
    digestTime: formatMinute(schedule.digestMinute),
    quietHours: schedule.quietHours
      ? {
          start: formatMinute(schedule.quietHours.start),
          end: formatMinute(schedule.quietHours.end),
          days: schedule.quietHours.days,
        }
      : null,
    timezone,
  };
}

export async function getDeliverySchedule(userId: string): Promise<ScheduleView> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { timezone: true, schedule: true } });
  if (!user) throw new AppError("not_found", "User not found");
  return toScheduleView(scheduleFromRow(user.schedule), user.timezone);
}

/** Changes the daily digest's time and/or quiet hours (null: none); undefined keeps a part. */
export async function setDeliverySchedule(
  userId: string,
  change: { digestMinute?: number; quietHours?: { start: number; end: number; days: QuietDays } | null },
): Promise<ScheduleView> {
  const quiet =
    change.quietHours === undefined
      ? {}
      : change.quietHours === null
        ? { quietStart: null, quietEnd: null }
        : { quietStart: change.quietHours.start, quietEnd: change.quietHours.end, quietDays: change.quietHours.days };
  const data = { ...(change.digestMinute !== undefined ? { digestMinute: change.digestMinute } : {}), ...quiet };
  const exists = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!exists) throw new AppError("not_found", "User not found");
  await db.deliverySchedule.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  return getDeliverySchedule(userId);
}

// ---- ingest ----

const orgCadenceCache = createKeyedCache<OrgCadenceRow[]>({
  name: "orgCadences",
  topic: "organization-preferences",
  lifetimeMs: 60_000,
  maxEntries: 50_000,
});

async function cachedOrgCadences(organizationIds: string[]): Promise<OrgCadenceRow[]> {
  const rows = await orgCadenceCache.getMany(organizationIds, async (missing) => {
    const found = await db.organizationCadence.findMany({
      where: { organizationId: { in: missing } },
      select: { organizationId: true, category: true, cadence: true, locked: true, lockedById: true },
    });
    const loaded = new Map<string, OrgCadenceRow[]>(missing.map((id) => [id, []]));
    for (const row of found) loaded.get(row.organizationId)!.push(row);
    return loaded;
  });
  return organizationIds.flatMap((id) => rows.get(id) ?? []);
}

/** What ingest needs to time one recipient's email. */
export interface RecipientTiming {
  timezone: string;
  schedule: DeliverySchedule;
  cadence: Partial<Record<string, Cadence>>;
}

/**
 * For each user: their timezone, schedule and effective cadence per category asked for (one query
 * for the users' own rows; organization chains and cadences from caches).
 */
export async function loadRecipientTiming(
  users: { id: string; organizationId: string }[],
  wanted: string[],
): Promise<Map<string, RecipientTiming>> {
  const result = new Map<string, RecipientTiming>();
  if (users.length === 0 || wanted.length === 0) return result;
  const ids = [...new Set(users.map((user) => user.id))];
  const rows = await db.$queryRaw<
    (ScheduleRow & { id: string; timezone: string; hasSchedule: boolean; own: Record<string, Cadence> | null })[]
  >(sql`
    SELECT u.id, u.timezone, s."userId" IS NOT NULL AS "hasSchedule", s."digestMinute", s."quietStart",
           s."quietEnd", s."quietDays"::text AS "quietDays",
           (SELECT json_object_agg(c.category, c.cadence) FROM "UserCadence" c
             WHERE c."userId" = u.id AND c.category = ANY(${wanted}::text[])) AS own
    FROM "User" u LEFT JOIN "DeliverySchedule" s ON s."userId" = u.id
    WHERE u.id = ANY(${ids}::text[])`);
  const organizationIds = [...new Set(users.map((user) => user.organizationId))];
  const chains = await getOrgChains(organizationIds);
  const chainIds = [...new Set([...chains.values()].flat().map((link) => link.id))];
  const orgRows = await cachedOrgCadences(chainIds);
  const organizationOf = new Map(users.map((user) => [user.id, user.organizationId]));
  // Users of one organization without choices of their own decide alike: decide each case once.
  const orgDecisions = new Map<string, Cadence>();
  for (const row of rows) {
    const organizationId = organizationOf.get(row.id)!;
    const chain = (chains.get(organizationId) ?? []) as ChainLink[];
    const cadence: Partial<Record<string, Cadence>> = {};
    for (const category of wanted) {
      const override = row.own?.[category];
      const key = `${organizationId}\u0000${category}\u0000${override ?? ""}`;
      let decided = orgDecisions.get(key);
      if (!decided) {
        decided = decideCadence({ levels: cadenceLevels(chain, orgRows, category), override }).cadence;
        orgDecisions.set(key, decided);
      }
      cadence[category] = decided;
    }
    result.set(row.id, {
      timezone: row.timezone,
      schedule: row.hasSchedule ? scheduleFromRow(row) : defaultSchedule,
      cadence,
    });
  }
  return result;
}

/** When one user's email of this type goes: the job's runAt / digest fields and the trail's note. */
export function emailHoldFor(
  now: Date,
  type: string,
  category: string,
  timing: RecipientTiming | undefined,
): { runAt: string | null; digestAt: string | null; cadence: "hourly" | "daily" | null; held?: EmailHold } {
  const none = { runAt: null, digestAt: null, cadence: null };
  if (!timing || alwaysInstantType(type)) return none;
  const decided = decideEmailTiming({
    now,
    alwaysInstant: false,
    cadence: timing.cadence[category] ?? "instant",
    schedule: timing.schedule,
    timezone: timing.timezone,
  });
  const timezone = knownTimezone(timing.timezone);
  if (decided.kind === "quiet_hours") {
    const until = decided.until.toISOString();
    return { ...none, runAt: until, held: { reason: "quiet_hours", until, timezone } };
  }
  if (decided.kind === "digest") {
    const until = decided.at.toISOString();
    return {
      ...none,
      digestAt: until,
      cadence: decided.cadence,
      held: { reason: "digest", until, timezone, cadence: decided.cadence },
    };
  }
  return none;
}
