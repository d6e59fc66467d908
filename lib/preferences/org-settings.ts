// An organization's notification defaults and locks, as its admins see and change them.
// Authorization is the caller's job (authorizeOrganization in org-tree.ts).
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { catalog, type Channel, type NotificationType } from "@/lib/notifications/catalog";
import { decideCell } from "./decide";
import { allCells, lockReason } from "./cells";
import { recordChanges, type ChangeRecord } from "./history";
import type { OrganizationSettingItem, SkippedCell } from "./items";
import { buildLevels, indexSettings, ruleFor } from "./levels";
import { loadAncestorChains, type ChainLink } from "./org-tree";

type Client = Pick<Prisma.TransactionClient, "$queryRaw" | "organizationPreference">;

async function loadOrgContext(client: Client, organizationId: string, types?: NotificationType[]) {
  const chain = (await loadAncestorChains([organizationId], client)).get(organizationId);
  if (!chain) throw new AppError("not_found", "Organization not found");
  const settings = indexSettings(
    await client.organizationPreference.findMany({
      where: { organizationId: { in: chain.map((link) => link.id) }, ...(types ? { type: { in: types } } : {}) },
    }),
  );
  const item = (type: NotificationType, channel: Channel): OrganizationSettingItem => {
    const rule = ruleFor(type, channel);
    const levels = buildLevels(chain, settings, type, channel);
    const effective = decideCell({ channel, rule, levels });
    const inherited = decideCell({ channel, rule, levels: levels.slice(1) });
    const own = levels[0]!;
    return {
      type,
      category: catalog[type].category,
      channel,
      enabled: effective.enabled,
      source: effective.source,
      ...(effective.sourceName ? { sourceName: effective.sourceName } : {}),
      setting: own.enabled ?? null,
      locked: own.locked ?? false,
      inherited: { enabled: inherited.enabled, source: inherited.source, ...(inherited.sourceName ? { sourceName: inherited.sourceName } : {}) },
      ...(inherited.lockedByName ? { lockedBy: inherited.lockedByName } : {}),
      critical: inherited.source === "critical",
    };
  };
  return { chain, settings, item, inheritedDecision: (type: NotificationType, channel: Channel) =>
    decideCell({ channel, rule: ruleFor(type, channel), levels: buildLevels(chain, settings, type, channel).slice(1) }) };
}

export async function getOrganizationSettings(organizationId: string, client: Client = db): Promise<{ organization: ChainLink; items: OrganizationSettingItem[] }> {
  const { chain, item } = await loadOrgContext(client, organizationId);
  return { organization: chain[0]!, items: allCells().map(({ type, channel }) => item(type, channel)) };
}

export interface OrganizationSettingChange {
  actorId: string;
  organizationId: string;
  types: NotificationType[];
  channel: Channel;
  /** Own value: true/false, null to inherit, undefined to keep. */
  enabled?: boolean | null;
  /** Own lock; undefined to keep. */
  locked?: boolean;
  /** true: a cell locked above or critical is an error (409); false: it is skipped and reported. */
  strict: boolean;
}

export async function changeOrganizationSettings(change: OrganizationSettingChange): Promise<{ items: OrganizationSettingItem[]; skipped: SkippedCell[] }> {
  return db.$transaction(async (tx) => {
    // Serializes changes to one organization's settings so no history row is lost or wrong.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Organization" WHERE id = ${change.organizationId} FOR NO KEY UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", "Organization not found");
    const { settings, inheritedDecision } = await loadOrgContext(tx, change.organizationId, change.types);
    const skipped: SkippedCell[] = [];
    const records: ChangeRecord[] = [];
    for (const type of change.types) {
      const reason = lockReason(type, change.channel, inheritedDecision(type, change.channel));
      if (reason) {
        if (change.strict) throw new AppError("conflict", reason);
        skipped.push({ type, channel: change.channel, reason });
        continue;
      }
      const row = settings.get(`${change.organizationId}:${type}:${change.channel}`);
      const old = { enabled: row?.enabled ?? null, locked: row?.locked ?? false };
      const next = { enabled: change.enabled === undefined ? old.enabled : change.enabled, locked: change.locked ?? old.locked };
      if (next.enabled === old.enabled && next.locked === old.locked) continue;
      const where = { organizationId_type_channel: { organizationId: change.organizationId, type, channel: change.channel } };
      // Sparse rows: a cell that inherits and is not locked has no row.
      if (next.enabled === null && !next.locked) await tx.organizationPreference.delete({ where });
      else await tx.organizationPreference.upsert({ where, create: { organizationId: change.organizationId, type, channel: change.channel, ...next }, update: next });
      records.push({
        actorId: change.actorId, scope: "organization", organizationId: change.organizationId, type, channel: change.channel,
        oldEnabled: old.enabled, newEnabled: next.enabled, oldLocked: old.locked, newLocked: next.locked, via: "admin",
      });
    }
    if (change.types.length > 0 && skipped.length === change.types.length) {
      throw new AppError("conflict", skipped.length === 1 ? skipped[0]!.reason : `Nothing changed: ${skipped.map((cell) => cell.reason).join("; ")}`);
    }
    await recordChanges(tx, records);
    const after = await loadOrgContext(tx, change.organizationId, change.types);
    const items = change.types.filter((type) => !skipped.some((cell) => cell.type === type)).map((type) => after.item(type, change.channel));
    return { items, skipped };
  });
}
