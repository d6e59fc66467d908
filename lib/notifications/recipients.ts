// Recipient planning: who gets each event of a set, and why. One entry point, planRecipients:
// the catalog's audience tokens (to, then cc) resolved against the event organization's chain
// (itself and its ancestors, loaded once for the set by the caller), the envelope's explicit user
// ids, and its outside addresses (recipients.emails). The users of the whole set, with their
// preference overrides for the set's types, come from ONE query. Deciding channels (preferences)
// is the next step's job, not this one's.
import type { Role } from "@/lib/generated/prisma/enums";
import type { AudienceToken, Channel, TypeDefinition } from "@/lib/notifications/catalog";
import type { UserOverride } from "@/lib/preferences/resolve";
import type { AddressField, RecipientSource } from "@/lib/notifications/trail";
import type { EventEnvelope } from "@/lib/notifications/envelope";
import type { OrgRow } from "@/lib/directory/org-cache";
import { sql } from "@/lib/db";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  role: Role;
  active: boolean;
}

/** The organizations an event's audience tokens refer to. */
interface AudienceOrgs {
  event: OrgRow;
  customer?: OrgRow;
  reseller?: OrgRow;
  distributor?: OrgRow;
  vendor?: OrgRow;
}

/** A platform user who gets the event: in which address field, every way they were chosen, and the sentence saying why. */
export interface Recipient {
  user: UserRow;
  field: AddressField;
  via: RecipientSource[];
  /** Shown with the notification ("You are the primary contact of Adatum Corporation"). */
  reason: string;
}

/** An address that is no platform user's (recipients.emails): email only, no notification. */
export interface OutsideAddress {
  address: string;
  field: AddressField;
  via: RecipientSource[];
}

/** Everything recipient planning decides for one event. */
export interface EventRecipients {
  recipients: Recipient[];
  /** Outside addresses not already covered by a user recipient, lower-cased, each once. */
  outside: OutsideAddress[];
  /** Users named explicitly or by a token who exist but are deactivated, or do not exist. */
  skipped: { userId: string; via: RecipientSource[]; skipped: "inactive" | "unknown_user"; user?: UserRow }[];
  actorName: string | null;
  /** The recipients' own preference overrides for this type (loaded with them, for the preferences step). */
  overrides: UserOverride[];
}

/** What planning needs of an event: its envelope and its type's audience. */
export interface EventToPlan {
  envelope: EventEnvelope;
  definition: Pick<TypeDefinition<never>, "to" | "cc">;
}

/** Organization id → itself and its ancestors, nearest first (lib/directory/org-cache). */
export type OrgChains = Map<string, OrgRow[]>;

const vendorIdOf = (data: Record<string, unknown>) => (typeof data.vendorId === "string" ? data.vendorId : undefined);

/** The organizations whose chains planning needs for this event: its own, and the vendor named in data.vendorId. */
export function organizationIdsOf(envelope: EventEnvelope): string[] {
  const vendorId = vendorIdOf(envelope.data);
  return vendorId ? [envelope.organizationId, vendorId] : [envelope.organizationId];
}

/**
 * Who gets each event, in order: `chains` must hold organizationIdsOf(event) for every event, and
 * every event's own organization must be in it (ingest refuses unknown organizations before).
 * One query for the users of the whole set.
 */
export async function planRecipients(events: EventToPlan[], chains: OrgChains): Promise<EventRecipients[]> {
  const planned = events.map(({ envelope, definition }) => {
    const orgs = audienceOrgs(chains, envelope);
    return { envelope, orgs, plan: planAudience({ ...definition, type: envelope.type }, envelope, orgs) };
  });
  const index = indexUsers(await loadPlannedUsers(planned.map((p) => p.plan)));
  return planned.map(({ envelope, orgs, plan }) => resolveAudience(plan, index, envelope, orgs));
}

/** The organizations an event's audience tokens refer to, from its organization's chain. */
function audienceOrgs(chains: OrgChains, envelope: EventEnvelope): AudienceOrgs {
  const chain = chains.get(envelope.organizationId);
  const event = chain?.[0];
  if (!chain || !event) throw new Error(`organization ${envelope.organizationId} is not in the loaded chains`);
  const vendorId = vendorIdOf(envelope.data);
  const resellerIndex = chain.findIndex((org) => org.kind === "reseller");
  const reseller = resellerIndex >= 0 ? chain[resellerIndex] : undefined;
  const vendor = vendorId ? chains.get(vendorId)?.[0] : undefined;
  return {
    event,
    customer: event.kind === "customer" ? event : undefined,
    reseller,
    distributor: reseller ? chain.slice(resellerIndex + 1).find((org) => org.kind === "distributor") : undefined,
    vendor: vendor?.kind === "vendor" ? vendor : undefined,
  };
}

const tokenOrg: Record<Exclude<AudienceToken, "actor">, keyof Omit<AudienceOrgs, "event">> = {
  "customer.primary": "customer",
  "customer.billing": "customer",
  "customer.admins": "customer",
  "reseller.primary": "reseller",
  "reseller.billing": "reseller",
  "reseller.account_managers": "reseller",
  "distributor.primary": "distributor",
  "vendor.primary": "vendor",
};

function describe(token: AudienceToken | "explicit", orgs: AudienceOrgs, field: AddressField) {
  if (token === "explicit") return "Sent to you directly by the platform";
  if (token === "actor")
    return field === "to" ? "You performed this action" : "Copied because you performed this action";
  const org = orgs[tokenOrg[token]]!;
  const what = token.endsWith(".primary")
    ? "primary contact"
    : token.endsWith(".billing")
      ? "billing contact"
      : token.endsWith(".admins")
        ? "an admin"
        : "an account manager";
  return field === "to"
    ? `You are ${what.startsWith("an") ? what : `the ${what}`} of ${org.name}`
    : `Copied as ${what} of ${org.name}`;
}

interface Want {
  token: AudienceToken | "explicit";
  field: AddressField;
  userIds?: string[];
  /** For contact tokens: the organization the contact must still belong to. */
  contactOf?: string;
  byRole?: { orgId: string; role: Role };
}

/** Which users an event asks for, before any is loaded. */
interface AudiencePlan {
  type: string;
  wanted: Want[];
  userIds: string[];
  roles: { orgId: string; role: Role }[];
}

/** The audience tokens in the catalog's order (to before cc), then explicit ids. */
function planAudience(
  definition: Pick<TypeDefinition<never>, "to" | "cc"> & { type: string },
  envelope: Pick<EventEnvelope, "actor" | "recipients">,
  orgs: AudienceOrgs,
): AudiencePlan {
  const wanted: Want[] = [];
  const add = (token: AudienceToken, field: AddressField) => {
    if (token === "actor")
      return void (envelope.actor?.userId && wanted.push({ token, field, userIds: [envelope.actor.userId] }));
    const org = orgs[tokenOrg[token]];
    if (!org) return;
    const contact = token.endsWith(".primary")
      ? org.primaryContactId
      : token.endsWith(".billing")
        ? org.billingContactId
        : undefined;
    if (contact !== undefined)
      return void (contact && wanted.push({ token, field, userIds: [contact], contactOf: org.id }));
    wanted.push({
      token,
      field,
      byRole: { orgId: org.id, role: token.endsWith(".admins") ? "admin" : "account_manager" },
    });
  };
  definition.to.forEach((token) => add(token, "to"));
  definition.cc.forEach((token) => add(token, "cc"));
  const explicitIds = envelope.recipients?.userIds ?? [];
  if (explicitIds.length) wanted.push({ token: "explicit", field: "to", userIds: explicitIds });
  return {
    type: definition.type,
    wanted,
    userIds: wanted.flatMap((w) => w.userIds ?? []).concat(envelope.actor?.userId ?? []),
    roles: wanted.flatMap((w) => (w.byRole ? [w.byRole] : [])),
  };
}

type LoadedUser = UserRow & { overrides: { type: string; channel: Channel; enabled: boolean }[] };

/** Loads every user the plans ask for, with their preference overrides for the plans' types: one query for a whole batch. */
async function loadPlannedUsers(plans: AudiencePlan[]): Promise<LoadedUser[]> {
  const ids = [...new Set(plans.flatMap((p) => p.userIds))];
  const roles = [...new Map(plans.flatMap((p) => p.roles).map((r) => [`${r.orgId}\u0000${r.role}`, r])).values()];
  const types = [...new Set(plans.map((p) => p.type))];
  if (!ids.length && !roles.length) return [];
  // Two index lookups (by id; by organization and role), not one OR that scans every user. Not a
  // prepared statement: a generic plan cannot see the arrays' sizes and would scan too. Overrides
  // come as joined rows (one per override, folded below): a subquery per user cost more than
  // everything else in a 10,000-recipient fan-out's query.
  const rows = await sql<UserRow & { type: string | null; channel: Channel | null; enabled: boolean | null }>(
    `WITH wanted AS (
       SELECT u.id, u.email, u.name, u."organizationId", u.role, u.active FROM "User" u WHERE u.id = ANY($1::text[])
       UNION ALL
       SELECT u.id, u.email, u.name, u."organizationId", u.role, u.active
       FROM unnest($2::text[], $3::text[]) AS r(organization_id, role)
       JOIN "User" u ON u."organizationId" = r.organization_id AND u.role = r.role::"Role"
     )
     SELECT w.id, w.email, w.name, w."organizationId", w.role::text AS role, w.active, p.type, p.channel, p.enabled
     FROM wanted w LEFT JOIN "UserPreference" p ON p."userId" = w.id AND p.type = ANY($4::text[])`,
    [ids, roles.map((r) => r.orgId), roles.map((r) => r.role), types],
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

/** Resolves one event's recipients from its plan and the loaded users: deduplicated, to before cc. */
function resolveAudience(
  plan: AudiencePlan,
  loaded: ReturnType<typeof indexUsers>,
  envelope: Pick<EventEnvelope, "actor" | "recipients">,
  orgs: AudienceOrgs,
): EventRecipients {
  const { wanted } = plan;
  const { byId } = loaded;
  const chosen = new Map<string, Recipient>();
  const skipped = new Map<string, EventRecipients["skipped"][number]>();
  for (const want of wanted) {
    const matches = want.byRole
      ? (loaded.byOrgRole.get(`${want.byRole.orgId}\u0000${want.byRole.role}`) ?? []).map((u) => u.id)
      : want.userIds!;
    const reason = describe(want.token, orgs, want.field);
    for (const userId of matches) {
      const user = byId.get(userId);
      // A contact id names a user of that organization; one who has since moved elsewhere is not it any more.
      if (user && want.contactOf && user.organizationId !== want.contactOf) continue;
      const existing = chosen.get(userId) ?? skipped.get(userId);
      if (existing) {
        if (!existing.via.includes(want.token)) existing.via.push(want.token);
        continue;
      }
      if (!user || !user.active) {
        // A contact or role that resolves to nobody is skipped; the trail keeps explicit ids and inactive users.
        if (user || want.token === "explicit")
          skipped.set(userId, { userId, via: [want.token], skipped: user ? "inactive" : "unknown_user", user });
        continue;
      }
      chosen.set(userId, { user, field: want.field, via: [want.token], reason });
    }
  }

  const covered = new Set([...chosen.values()].map((r) => r.user.email.toLowerCase()));
  const outside = [...new Set((envelope.recipients?.emails ?? []).map((e) => e.toLowerCase()))]
    .filter((e) => !covered.has(e))
    .map((address): OutsideAddress => ({ address, field: "to", via: ["explicit_email"] }));
  const actor = envelope.actor?.userId ? byId.get(envelope.actor.userId) : undefined;
  const recipients = [...chosen.values()];
  return {
    recipients,
    overrides: recipients.flatMap(({ user }) =>
      byId
        .get(user.id)!
        .overrides.flatMap((o) =>
          o.type === plan.type ? [{ userId: user.id, channel: o.channel, enabled: o.enabled }] : [],
        ),
    ),
    skipped: [...skipped.values()],
    outside,
    actorName: envelope.actor?.name ?? actor?.name ?? null,
  };
}

/** Indexes loaded users by id and by (organization, role) for resolveAudience. */
function indexUsers(users: LoadedUser[]) {
  const byId = new Map(users.map((u) => [u.id, u]));
  const byOrgRole = new Map<string, LoadedUser[]>();
  for (const user of users) {
    const key = `${user.organizationId}\u0000${user.role}`;
    const list = byOrgRole.get(key);
    if (list) list.push(user);
    else byOrgRole.set(key, [user]);
  }
  return { byId, byOrgRole };
}
