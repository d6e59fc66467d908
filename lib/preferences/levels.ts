// Glue between stored rows and the pure rules in decide.ts.
import { getType, type Channel } from "@/lib/notifications/catalog";
import type { CellRule, OrgLevel } from "./decide";
import type { ChainLink } from "./org-tree";

export interface OrgSettingRow {
  organizationId: string;
  type: string;
  channel: Channel;
  enabled: boolean | null;
  locked: boolean;
  lockedById?: string | null;
}

export function ruleFor(type: string, channel: Channel): CellRule {
  const definition = getType(type);
  if (!definition) throw new Error(`Unknown notification type ${type}`);
  return { critical: definition.critical, defaultEnabled: definition.channels.includes(channel) };
}

/** Indexes settings rows by organization, type and channel for repeated lookups. */
export function indexSettings(rows: OrgSettingRow[]) {
  return new Map(rows.map((row) => [`${row.organizationId}:${row.type}:${row.channel}`, row]));
}

/** A chain (nearest first) with each organization's setting for one cell. */
export function buildLevels(
  chain: ChainLink[],
  rows: OrgSettingRow[] | Map<string, OrgSettingRow>,
  type: string,
  channel: Channel,
): OrgLevel[] {
  const index = rows instanceof Map ? rows : indexSettings(rows);
  return chain.map((link) => {
    const row = index.get(`${link.id}:${type}:${channel}`);
    // The owner is always this organization or one above it (only their admins can set it here).
    const owner = row?.lockedById ? chain.find((candidate) => candidate.id === row.lockedById) : undefined;
    return {
      id: link.id,
      name: link.name,
      enabled: row?.enabled,
      locked: row?.locked ?? false,
      ...(owner ? { lockOwner: owner } : {}),
    };
  });
}
