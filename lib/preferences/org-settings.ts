// An organization's notification defaults and locks, as its admins see and change them.
// Authorization (may the actor manage this organization at all) is the caller's job:
// authorizeOrganization in org-tree.ts. This module enforces the locks.
import { db, sql, type Prisma } from "@/lib/db";
import { invalidate } from "@/lib/cache/invalidation";
import { AppError } from "@/lib/errors";
import { catalog, type Channel, type NotificationType } from "@/lib/notifications/catalog";
import { decideCell } from "./decide";
import { allCells, channelLabels } from "./cells";
import { recordChanges, type ChangeRecord } from "./history";
import type { OrganizationSettingItem, SkippedCell } from "./items";
import { buildLevels, indexSettings, ruleFor } from "./levels";
import { loadAncestorChains, type ChainLink } from "./org-tree";

type Client = Pick<Prisma.TransactionClient, "$queryRaw" | "organizationPreference">;

/** `actorOrganizationId`: the admin's organization, which must be in the chain (they manage this one). */
async function loadOrgContext(
  client: Client,
  organizationId: string,
  actorOrganizationId: string,
  types?: NotificationType[],
) {
  const chain = (await loadAncestorChains([organizationId], client)).get(organizationId);
  if (!chain) throw new AppError("not_found", "Organization not found");
  const settings = indexSettings(
    await client.organizationPreference.findMany({
      where: { organizationId: { in: chain.map((link) => link.id) }, ...(types ? { type: { in: types } } : {}) },
    }),
  );
  // Chain index of the actor's organization: they may change what organizations at or below it locked.
  const actorDepth = chain.findIndex((link) => link.id === actorOrganizationId);
  const manages = (organizationId: string) =>
    actorDepth !== -1 && chain.findIndex((link) => link.id === organizationId) <= actorDepth;

  const item = (type: NotificationType, channel: Channel): OrganizationSettingItem => {
    const rule = ruleFor(type, channel);
    const levels = buildLevels(chain, settings, type, channel);
    const effective = decideCell({ channel, rule, levels });
    const inherited = decideCell({ channel, rule, levels: levels.slice(1) });
    const own = levels[0]!;
    const ownOwner = own.locked ? (own.lockOwner ?? own) : undefined;
    const blockedBy = inherited.lockedByName ?? (ownOwner && !manages(ownOwner.id) ? ownOwner.name : undefined);
    return {
      type,
      category: catalog[type].category,
      channel,
      enabled: effective.enabled,
      source: effective.source,
      ...(effective.sourceName ? { sourceName: effective.sourceName } : {}),
      setting: own.enabled ?? null,
      locked: own.locked ?? false,
      ...(ownOwner ? { lockOwner: ownOwner.name } : {}),
      inherited: {
        enabled: inherited.enabled,
        source: inherited.source,
        ...(inherited.sourceName ? { sourceName: inherited.sourceName } : {}),
      },
      ...(blockedBy ? { lockedBy: blockedBy } : {}),
      critical: inherited.source === "critical",
    };
  };
  return { chain, settings, item };
}

/** Why the actor cannot change a cell, naming the lock's owner; null when they can. */
function refusal(item: OrganizationSettingItem): string | null {
  const cell = `${channelLabels[item.channel]} for “${catalog[item.type].label}”`;
  if (item.critical) return `${cell} is always on: this notification is critical`;
  if (item.lockedBy) return `Locked by ${item.lockedBy}: ${cell} cannot be changed here`;
  return null;
}

export async function getOrganizationSettings(
  params: { organizationId: string; actorOrganizationId: string },
  client: Client = db,
): Promise<{ organization: ChainLink; items: OrganizationSettingItem[] }> {
  const { chain, item } = await loadOrgContext(client, params.organizationId, params.actorOrganizationId);
  return { organization: chain[0]!, items: allCells().map(({ type, channel }) => item(type, channel)) };
}

interface OrganizationSettingChange {
  actorId: string;
  actorOrganizationId: string;
  organizationId: string;
  types: NotificationType[];
  channel: Channel;
  /** Own value: true/false, null to inherit, undefined to keep. */
  enabled?: boolean | null;
  /** Own lock; undefined to keep. */
  locked?: boolean;
  /** true: a locked or critical cell is an error (409); false: it is skipped and reported. */
  strict: boolean;
}

export async function changeOrganizationSettings(
  change: OrganizationSettingChange,
): Promise<{ items: OrganizationSettingItem[]; skipped: SkippedCell[] }> {
  const result = await applyOrganizationSettings(change);
  // Ingest caches organization settings: drop them here and on the other instances.
  invalidate("organization-preferences");
  return result;
}

function applyOrganizationSettings(
  change: OrganizationSettingChange,
): Promise<{ items: OrganizationSettingItem[]; skipped: SkippedCell[] }> {
  return db.$transaction(async (tx) => {
    // Serializes changes to one organization's settings so no history row is lost or wrong.
    const found = await tx.$queryRaw<{ id: string }[]>(
      sql`SELECT id FROM "Organization" WHERE id = ${change.organizationId} FOR NO KEY UPDATE`,
    );
    if (found.length === 0) throw new AppError("not_found", "Organization not found");
    const { settings, item } = await loadOrgContext(
      tx,
      change.organizationId,
      change.actorOrganizationId,
      change.types,
    );
    const skipped: SkippedCell[] = [];
    const records: ChangeRecord[] = [];
    for (const type of change.types) {
      const reason = refusal(item(type, change.channel));
      if (reason) {
        if (change.strict) throw new AppError("conflict", reason);
        skipped.push({ type, channel: change.channel, reason });
        continue;
      }
      const row = settings.get(`${change.organizationId}:${type}:${change.channel}`);
      const old = { enabled: row?.enabled ?? null, locked: row?.locked ?? false };
      const next = {
        enabled: change.enabled === undefined ? old.enabled : change.enabled,
        locked: change.locked ?? old.locked,
      };
      if (next.enabled === old.enabled && next.locked === old.locked) continue;
      const where = {
        organizationId_type_channel: { organizationId: change.organizationId, type, channel: change.channel },
      };
      // Sparse rows: a cell that inherits and is not locked has no row. A lock belongs to whoever
      // last set the locked cell, so a reseller's lock on a customer holds against the customer's admin.
      const data = { ...next, lockedById: next.locked ? change.actorOrganizationId : null };
      if (next.enabled === null && !next.locked) await tx.organizationPreference.delete({ where });
      else
        await tx.organizationPreference.upsert({
          where,
          create: { organizationId: change.organizationId, type, channel: change.channel, ...data },
          update: data,
        });
      records.push({
        actorId: change.actorId,
        scope: "organization",
        organizationId: change.organizationId,
        type,
        channel: change.channel,
        oldEnabled: old.enabled,
        newEnabled: next.enabled,
        oldLocked: old.locked,
        newLocked: next.locked,
        via: "admin",
      });
    }
    if (change.types.length > 0 && skipped.length === change.types.length) {
      throw new AppError(
        "conflict",
        skipped.length === 1 ? skipped[0]!.reason : `Nothing changed: ${skipped.map((cell) => cell.reason).join("; ")}`,
      );
    }
    await recordChanges(tx, records);
    const after = await loadOrgContext(tx, change.organizationId, change.actorOrganizationId, change.types);
    const items = change.types
      .filter((type) => !skipped.some((cell) => cell.type === type))
      .map((type) => after.item(type, change.channel));
    return { items, skipped };
  });
}
