// Recipient planning: who gets each event of a set, and why. One entry point, planRecipients:
// the recipient rule found walking up from the event's organization (its chain, loaded once for
// the set by the caller; rules from their cache; the catalog's audience tokens when no
// organization has one: lib/recipient-rules), resolved against that chain, plus the envelope's
// explicit user ids (as To) and outside addresses (recipients.emails). Each person once, in the
// strongest field. The users of the whole set, with their preference overrides for the set's
// types, come from ONE query. Deciding channels (preferences) is the next step's job.
import type { Role } from "@/lib/generated/prisma/enums";
import type { AudienceToken, Channel, TypeDefinition } from "@/lib/notifications/catalog";
import { getRecipientRules, rulesForType } from "@/lib/recipient-rules/cache";
import { roleLabels } from "@/lib/recipient-rules/describe";
import {
  assignRecipients,
  effectiveRule,
  eventOrgs,
  expandRule,
  indexDirectoryUsers,
  wantedKeys,
  type EventOrgs,
  type RuleChoice,
} from "@/lib/recipient-rules/resolve";
import type { UserOverride } from "@/lib/preferences/resolve";
import type { AddressField, AppliedRule, RecipientSource } from "@/lib/notifications/trail";
import type { EventEnvelope } from "@/lib/notifications/envelope";
import type { OrgRow } from "@/lib/directory/org-cache";
import { query, sql } from "@/lib/db";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  role: Role;
  active: boolean;
}

/** A platform user who gets the event: in which address field, every way they were chosen, and the sentence saying why. */
export interface Recipient {
  user: UserRow;
  field: AddressField;
  via: RecipientSource[];
  /** The rule entry that chose their field (for the trail). */
  rule: RuleChoice;
  /** Shown with the notification ("You are the primary contact of Adatum Corporation"). */
  reason: string;
}

/** An address that is no platform user's (recipients.emails): email only, no notification. */
export interface OutsideAddress {
  address: string;
  field: AddressField;
  via: RecipientSource[];
  rule: RuleChoice;
}

/** Everything recipient planning decides for one event. */
export interface EventRecipients {
  recipients: Recipient[];
  /** Outside addresses not already covered by a user recipient, lower-cased, each once. */
  outside: OutsideAddress[];
  /** Users named explicitly or by a token who exist but are deactivated, or do not exist. */
  skipped: {
    userId: string;
    via: RecipientSource[];
    rule: RuleChoice;
    skipped: "inactive" | "unknown_user";
    user?: UserRow;
  }[];
  /** The rule that routed the event (stored with its trail). */
  applied: AppliedRule;
  actorName: string | null;
  /** The recipients' own preference overrides for this type (loaded with them, for the preferences step). */
  overrides: UserOverride[];
}

/** What planning needs of an event: its envelope and its type's audience. */
interface EventToPlan {
  envelope: EventEnvelope;
  definition: Pick<TypeDefinition<never>, "to" | "cc">;
}

/** Organization id → itself and its ancestors, nearest first (lib/directory/org-cache). */
type OrgChains = Map<string, OrgRow[]>;

const vendorIdOf = (data: Record<string, unknown>) => (typeof data.vendorId === "string" ? data.vendorId : undefined);

/** The organizations whose chains planning needs for this event: its own, and the vendor named in data.vendorId. */
export function organizationIdsOf(envelope: EventEnvelope): string[] {
  const vendorId = vendorIdOf(envelope.data);
  return vendorId ? [envelope.organizationId, vendorId] : [envelope.organizationId];
}

/**
 * Who gets each event, in order: `chains` must hold organizationIdsOf(event) for every event, and
 * every event's own organization must be in it (ingest refuses unknown organizations before).
 * The rules of every chain from their cache; one query for the users of the whole set.
 */
export async function planRecipients(events: EventToPlan[], chains: OrgChains): Promise<EventRecipients[]> {
  const rules = await getRecipientRules([
    ...new Set(events.flatMap((e) => chainOf(chains, e.envelope).map((o) => o.id))),
  ]);
  const planned = events.map(({ envelope, definition }) => {
    const chain = chainOf(chains, envelope);
    const vendorId = vendorIdOf(envelope.data);
    const orgs = eventOrgs(chain, vendorId ? chains.get(vendorId)?.[0] : undefined)!;
    const effective = effectiveRule(definition, chain, rulesForType(chain, rules, envelope.type));
    const wants = expandRule(effective, {
      orgs,
      actorId: envelope.actor?.userId,
      explicitUserIds: envelope.recipients?.userIds,
      explicitEmails: envelope.recipients?.emails,
    });
    const { locked: _locked, ...applied } = effective;
    return { envelope, orgs, wants, applied };
  });
  const users = await loadPlannedUsers(
    planned.map(({ envelope, wants }) => {
      const keys = wantedKeys(wants);
      // The actor's name is shown with the notification even when the rule does not name them.
      return { ...keys, userIds: keys.userIds.concat(envelope.actor?.userId ?? []), type: envelope.type };
    }),
  );
  const lookup = indexDirectoryUsers(users);
  return planned.map(({ envelope, orgs, wants, applied }): EventRecipients => {
    const assignment = assignRecipients(wants, lookup);
    const recipients = assignment.users.map(({ user, field, choices }) => ({
      user,
      field,
      via: sources(choices),
      rule: choices[0]!,
      reason: reasonFor(choices[0]!, orgs),
    }));
    const actor = envelope.actor?.userId ? lookup.byId.get(envelope.actor.userId) : undefined;
    return {
      recipients,
      outside: assignment.addresses.map(({ email, field, choices }) => ({
        address: email,
        field,
        via: sources(choices),
        rule: choices[0]!,
      })),
      skipped: assignment.skipped.map(({ userId, user, choices, skipped }) => ({
        userId,
        ...(user ? { user } : {}),
        via: sources(choices),
        rule: choices[0]!,
        skipped,
      })),
      overrides: recipients.flatMap(({ user }) =>
        lookup.byId
          .get(user.id)!
          .overrides.flatMap((o) =>
            o.type === envelope.type ? [{ userId: user.id, channel: o.channel, enabled: o.enabled }] : [],
          ),
      ),
      applied,
      actorName: envelope.actor?.name ?? actor?.name ?? null,
    };
  });
}

function chainOf(chains: OrgChains, envelope: EventEnvelope): OrgRow[] {
  const chain = chains.get(envelope.organizationId);
  if (!chain?.length) throw new Error(`organization ${envelope.organizationId} is not in the loaded chains`);
  return chain;
}

/** How each entry that named a recipient chose them, in words the trail's `via` keeps. */
function sources(choices: RuleChoice[]): RecipientSource[] {
  const via = choices.map(({ source, entry }): RecipientSource => {
    if ("token" in entry) return entry.token;
    if ("role" in entry) return "role";
    if ("userId" in entry) return source === "envelope" ? "explicit" : "user";
    return source === "envelope" ? "explicit_email" : "email";
  });
  return [...new Set(via)];
}

const tokenOrg: Record<Exclude<AudienceToken, "actor">, keyof Omit<EventOrgs, "event">> = {
  "customer.primary": "customer",
  "customer.billing": "customer",
  "customer.admins": "customer",
  "reseller.primary": "reseller",
  "reseller.billing": "reseller",
  "reseller.account_managers": "reseller",
  "distributor.primary": "distributor",
  "vendor.primary": "vendor",
};

/** The sentence shown with a recipient's notification, from the entry that chose their field. */
function reasonFor(choice: RuleChoice, orgs: EventOrgs): string {
  const { entry, field } = choice;
  const copied = field !== "to";
  if (choice.source === "envelope") return "Sent to you directly by the platform";
  if ("token" in entry) {
    const token = entry.token;
    if (token === "actor") return copied ? "Copied because you performed this action" : "You performed this action";
    const org = orgs[tokenOrg[token]]!;
    const what = token.endsWith(".primary")
      ? "primary contact"
      : token.endsWith(".billing")
        ? "billing contact"
        : token.endsWith(".admins")
          ? "an admin"
          : "an account manager";
    return copied
      ? `Copied as ${what} of ${org.name}`
      : `You are ${what.startsWith("an") ? what : `the ${what}`} of ${org.name}`;
  }
  if ("role" in entry) {
    const org = orgs[entry.of]!;
    const role = roleLabels[entry.role] ?? entry.role;
    const article = /^[aeiou]/.test(role) ? "an" : "a";
    return copied ? `Copied as ${article} ${role} of ${org.name}` : `You are ${article} ${role} of ${org.name}`;
  }
  const owner = choice.organizationName ?? "Your organization";
  return copied ? `Copied by ${owner}'s notification settings` : `${owner}'s notification settings name you`;
}

type LoadedUser = UserRow & { overrides: { type: string; channel: Channel; enabled: boolean }[] };

/**
 * Loads every user the events ask for (by id, by organization and role, by address), with their
 * preference overrides for the events' types: one query for a whole set.
 */
async function loadPlannedUsers(
  plans: { type: string; userIds: string[]; roles: { orgId: string; role: Role }[]; emails: string[] }[],
): Promise<LoadedUser[]> {
  const ids = [...new Set(plans.flatMap((p) => p.userIds))];
  const roles = [...new Map(plans.flatMap((p) => p.roles).map((r) => [`${r.orgId}\u0000${r.role}`, r])).values()];
  const emails = [...new Set(plans.flatMap((p) => p.emails))];
  const types = [...new Set(plans.map((p) => p.type))];
  if (!ids.length && !roles.length && !emails.length) return [];
  // Three index lookups (by id; by organization and role; by address), not one OR that scans every
  // user. Not a prepared statement: a generic plan cannot see the arrays' sizes and would scan too.
  // Overrides come as joined rows (one per override, folded below): a subquery per user cost more
  // than everything else in a 10,000-recipient fan-out's query.
  const rows = await query<UserRow & { type: string | null; channel: Channel | null; enabled: boolean | null }>(
    sql`WITH wanted AS (
          SELECT u.id, u.email, u.name, u."organizationId", u.role, u.active FROM "User" u WHERE u.id = ANY(${ids}::text[])
          UNION ALL
          SELECT u.id, u.email, u.name, u."organizationId", u.role, u.active
          FROM unnest(${roles.map((r) => r.orgId)}::text[], ${roles.map((r) => r.role)}::text[]) AS r(organization_id, role)
          JOIN "User" u ON u."organizationId" = r.organization_id AND u.role = r.role::"Role"
          UNION ALL
          SELECT u.id, u.email, u.name, u."organizationId", u.role, u.active FROM "User" u WHERE u.email = ANY(${emails}::text[])
        )
        SELECT w.id, w.email, w.name, w."organizationId", w.role::text AS role, w.active, p.type, p.channel, p.enabled
        FROM wanted w LEFT JOIN "UserPreference" p ON p."userId" = w.id AND p.type = ANY(${types}::text[])`,
  );
  // A user named by id and by role comes twice, once per override each time: keep one, with each override once.
  const users = new Map<string, LoadedUser>();
  for (const { type, channel, enabled, ...user } of rows) {
    let loaded = users.get(user.id);
    if (!loaded) users.set(user.id, (loaded = { ...user, overrides: [] }));
    if (
      type &&
      channel &&
      enabled !== null &&
      !loaded.overrides.some((o) => o.type === type && o.channel === channel)
    ) {
      loaded.overrides.push({ type, channel, enabled });
    }
  }
  return [...users.values()];
}
