// Effective preferences for many recipients of one type, resolved in a constant number of queries:
// one recursive query for every recipient organization's ancestor chain, one for the
// organization settings along those chains, one for the users' own overrides.
// CONTRACT used by the ingest pipeline (lib/notifications/ingest.ts), inside its transaction.
import { db } from "@/lib/db";
import { channels, type Channel, type NotificationType } from "@/lib/notifications/catalog";
import { decideCell, toChannelDecision } from "./decide";
import { buildLevels, indexSettings, ruleFor } from "./levels";
import { loadAncestorChains } from "./org-tree";

export interface ChannelDecision {
  enabled: boolean;
  locked: boolean;
  /** Which level decided: the catalog default, an organization's setting, the user's own choice, or the critical rule. */
  source: "default" | "organization" | "user" | "critical";
  sourceOrganizationId?: string;
  sourceName?: string;
}

export type RecipientPreferences = Record<Channel, ChannelDecision>;

type Client = Pick<typeof db, "$queryRaw" | "userPreference" | "organizationPreference" | "organization">;

export async function resolvePreferences(
  params: { type: NotificationType; users: { id: string; organizationId: string }[] },
  client: Client = db,
): Promise<Map<string, RecipientPreferences>> {
  const result = new Map<string, RecipientPreferences>();
  if (params.users.length === 0) return result;
  const organizationIds = [...new Set(params.users.map((user) => user.organizationId))];
  const chains = await loadAncestorChains(organizationIds, client);
  const chainIds = [...new Set([...chains.values()].flat().map((link) => link.id))];
  const orgRows = await client.organizationPreference.findMany({
    where: { type: params.type, organizationId: { in: chainIds } },
    select: { organizationId: true, type: true, channel: true, enabled: true, locked: true },
  });
  const userRows = await client.userPreference.findMany({
    where: { type: params.type, userId: { in: params.users.map((user) => user.id) } },
    select: { userId: true, channel: true, enabled: true },
  });
  const settings = indexSettings(orgRows);
  const overrides = new Map(userRows.map((row) => [`${row.userId}:${row.channel}`, row.enabled]));

  for (const user of params.users) {
    const chain = chains.get(user.organizationId) ?? [];
    const decide = (channel: Channel): ChannelDecision =>
      toChannelDecision(
        decideCell({
          channel,
          rule: ruleFor(params.type, channel),
          levels: buildLevels(chain, settings, params.type, channel),
          override: overrides.get(`${user.id}:${channel}`),
        }),
      );
    result.set(user.id, Object.fromEntries(channels.map((channel) => [channel, decide(channel)])) as RecipientPreferences);
  }
  return result;
}
