// Effective preferences for many recipients of one type, resolved in a constant number of queries.
// CONTRACT used by the ingest pipeline (lib/notifications/ingest.ts).
// TODO(preferences): user overrides, organization settings and locks up the tree; catalog defaults for now.
import { db } from "@/lib/db";
import { getType, type Channel, type NotificationType } from "@/lib/notifications/catalog";

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
  _client: Client = db,
): Promise<Map<string, RecipientPreferences>> {
  const definition = getType(params.type)!;
  const decide = (channel: Channel): ChannelDecision =>
    definition.critical && channel === "in_app"
      ? { enabled: true, locked: true, source: "critical" }
      : { enabled: definition.channels.includes(channel), locked: false, source: "default" };
  return new Map(params.users.map((user) => [user.id, { in_app: decide("in_app"), email: decide("email") }]));
}
