// Effective preferences for many recipients of one type, resolved in a constant number of queries
// whatever their number: at most one for the users' own overrides, plus cache misses for the
// organization chains and their settings.
// CONTRACT used by the ingest pipeline (lib/notifications/ingest.ts), inside its transaction.
import { db } from "@/lib/db";
import { channels, type Channel, type NotificationType } from "@/lib/notifications/catalog";
import { decideCell, toChannelDecision } from "./decide";
import { buildLevels, indexSettings, ruleFor } from "./levels";
import { getOrgChains } from "@/lib/directory/org-cache";
import { getOrganizationSettings } from "./settings-cache";

export interface ChannelDecision {
  enabled: boolean;
  locked: boolean;
  /** Which level decided: the catalog default, an organization's setting, the user's own choice, or the critical rule. */
  source: "default" | "organization" | "user" | "critical";
  sourceOrganizationId?: string;
  sourceName?: string;
}

export type RecipientPreferences = Record<Channel, ChannelDecision>;

type Client = Pick<typeof db, "$queryRawUnsafe" | "userPreference" | "organizationPreference">;

export interface UserOverride {
  userId: string;
  channel: Channel;
  enabled: boolean;
}

/** Loads the chains and settings of these organizations into the caches at once (one query each on a miss). */
export async function warmPreferenceCaches(organizationIds: string[], client: Client = db) {
  const chains = await getOrgChains([...new Set(organizationIds)], client);
  await getOrganizationSettings([...new Set([...chains.values()].flat().map((link) => link.id))], client);
}

/**
 * Organization chains and settings come from caches; the users' own overrides from one query,
 * or from `overrides` when the caller already loaded them (ingest does, with its recipients).
 * Users who decide alike share the same objects: treat them as read-only.
 */
export async function resolvePreferences(
  params: { type: NotificationType; users: { id: string; organizationId: string }[]; overrides?: UserOverride[] },
  client: Client = db,
): Promise<Map<string, RecipientPreferences>> {
  const result = new Map<string, RecipientPreferences>();
  if (params.users.length === 0) return result;
  const organizationIds = [...new Set(params.users.map((user) => user.organizationId))];
  const chains = await getOrgChains(organizationIds, client);
  const chainIds = [...new Set([...chains.values()].flat().map((link) => link.id))];
  const orgRows = (await getOrganizationSettings(chainIds, client)).filter((row) => row.type === params.type);
  const userRows =
    params.overrides ??
    (await client.userPreference.findMany({
      where: { type: params.type, userId: { in: params.users.map((user) => user.id) } },
      select: { userId: true, channel: true, enabled: true },
    }));
  const settings = indexSettings(orgRows);
  const overrides = new Map(userRows.map((row) => [`${row.userId}:${row.channel}`, row.enabled]));
  // Users of one organization without overrides of their own decide alike: each distinct case is
  // decided once and its objects are shared (a fan-out to 10,000 admins decides one case).
  const cases = new Map<string, RecipientPreferences>();
  for (const user of params.users) {
    const own = channels.map((channel) => overrides.get(`${user.id}:${channel}`));
    const key = `${user.organizationId}\u0000${own.join(",")}`;
    let preferences = cases.get(key);
    if (!preferences) {
      const chain = chains.get(user.organizationId) ?? [];
      const decide = (channel: Channel, override: boolean | undefined): ChannelDecision =>
        toChannelDecision(
          decideCell({
            channel,
            rule: ruleFor(params.type, channel),
            levels: buildLevels(chain, settings, params.type, channel),
            override,
          }),
        );
      preferences = Object.fromEntries(
        channels.map((channel, i) => [channel, decide(channel, own[i])]),
      ) as RecipientPreferences;
      cases.set(key, preferences);
    }
    result.set(user.id, preferences);
  }
  return result;
}
