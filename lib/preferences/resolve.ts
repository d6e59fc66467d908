// Effective preferences for many recipients of one type, resolved in a constant number of queries
// whatever their number: at most one for the users' own overrides, plus cache misses for the
// organization chains and their settings. Ingest resolves every event of a set with one call
// (resolvePreferencesForEach).
import { db } from "@/lib/db";
import { channels, type Channel, type NotificationType } from "@/lib/notifications/catalog";
import { decideCell, toChannelDecision } from "./decide";
import { buildLevels, indexSettings, ruleFor, type OrgSettingRow } from "./levels";
import { getOrgChains, type OrgRow } from "@/lib/directory/org-cache";
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

type Client = Pick<typeof db, "$queryRaw" | "userPreference" | "organizationPreference">;

export interface UserOverride {
  userId: string;
  channel: Channel;
  enabled: boolean;
}

interface PreferenceRequest {
  type: NotificationType;
  users: { id: string; organizationId: string }[];
  /** The users' own overrides for this type, when the caller already loaded them (ingest does). */
  overrides?: UserOverride[];
}

/**
 * Organization chains and settings come from caches; the users' own overrides from one query,
 * or from `overrides` when the caller already loaded them (ingest does, with its recipients).
 * Users who decide alike share the same objects: treat them as read-only.
 */
export async function resolvePreferences(
  params: PreferenceRequest,
  client: Client = db,
): Promise<Map<string, RecipientPreferences>> {
  return (await resolvePreferencesForEach([params], client))[0]!;
}

/**
 * The same for several requests at once (ingest: one per event): the organization chains and
 * settings of every user of every request are read once, for the whole set.
 */
export async function resolvePreferencesForEach(
  requests: PreferenceRequest[],
  client: Client = db,
): Promise<Map<string, RecipientPreferences>[]> {
  const organizationIds = [...new Set(requests.flatMap((r) => r.users.map((user) => user.organizationId)))];
  if (organizationIds.length === 0) return requests.map(() => new Map());
  const chains = await getOrgChains(organizationIds, client);
  const chainIds = [...new Set([...chains.values()].flat().map((link) => link.id))];
  const settingsByType = new Map<string, OrgSettingRow[]>();
  for (const row of await getOrganizationSettings(chainIds, client)) {
    const rows = settingsByType.get(row.type);
    if (rows) rows.push(row);
    else settingsByType.set(row.type, [row]);
  }
  return Promise.all(
    requests.map(async (request) =>
      request.users.length === 0
        ? new Map<string, RecipientPreferences>()
        : decideAll(
            request,
            chains,
            settingsByType.get(request.type) ?? [],
            request.overrides ??
              (await client.userPreference.findMany({
                where: { type: request.type, userId: { in: request.users.map((user) => user.id) } },
                select: { userId: true, channel: true, enabled: true },
              })),
          ),
    ),
  );
}

function decideAll(
  params: PreferenceRequest,
  chains: Map<string, OrgRow[]>,
  orgRows: OrgSettingRow[],
  userRows: UserOverride[],
): Map<string, RecipientPreferences> {
  const result = new Map<string, RecipientPreferences>();
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
