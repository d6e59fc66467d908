// Who gets an event: audience tokens resolved by walking up the organization tree, plus the
// envelope's explicit recipients. Organization chains come from a cache; the users of a whole
// batch of events, with their preference overrides, from one query.
import type { Role } from "@/lib/generated/prisma/enums";
import type { AudienceToken, Channel, TypeDefinition } from "@/lib/notifications/catalog";
import type { UserOverride } from "@/lib/preferences/resolve";
import type { RecipientSource } from "@/lib/notifications/trail";
import type { EventEnvelope } from "@/lib/notifications/envelope";
import { db, sql } from "@/lib/db";
import { getOrgChains, type OrgRow } from "@/lib/directory/org-cache";

type Client = Pick<typeof db, "$queryRawUnsafe">;

export interface UserRow {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  role: Role;
  active: boolean;
}

/** The organizations an event's audience tokens refer to. */
export interface AudienceOrgs {
  event: OrgRow;
  customer?: OrgRow;
  reseller?: OrgRow;
  distributor?: OrgRow;
  vendor?: OrgRow;
}

export interface Recipient {
  user: UserRow;
  role: "to" | "cc";
  via: RecipientSource[];
  reason: string;
}

export interface Audience {
  recipients: Recipient[];
  /** Users named explicitly or by a token who exist but are deactivated, or do not exist. */
  skipped: { userId: string; via: RecipientSource[]; skipped: "inactive" | "unknown_user"; user?: UserRow }[];
  /** recipients.emails addresses that are not already covered by a user recipient. */
  extraEmails: string[];
  actorName: string | null;
  /** The recipients' own preference overrides for this type. */
  overrides: UserOverride[];
}

/** The event's organization with its ancestors, and the vendor named in data.vendorId (cached). */
export async function loadAudienceOrgs(
  client: Client,
  organizationId: string,
  vendorId?: string,
): Promise<AudienceOrgs | null> {
  const chains = await getOrgChains(vendorId ? [organizationId, vendorId] : [organizationId], client);
  const chain = chains.get(organizationId);
  const event = chain?.[0];
  if (!chain || !event) return null;
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

function describe(token: AudienceToken | "explicit", orgs: AudienceOrgs, role: "to" | "cc") {
  if (token === "explicit") return "Sent to you directly by the platform";
  if (token === "actor")
    return role === "to" ? "You performed this action" : "Copied because you performed this action";
  const org = orgs[tokenOrg[token]]!;
  const what = token.endsWith(".primary")
    ? "primary contact"
    : token.endsWith(".billing")
      ? "billing contact"
      : token.endsWith(".admins")
        ? "an admin"
        : "an account manager";
  return role === "to"
    ? `You are ${what.startsWith("an") ? what : `the ${what}`} of ${org.name}`
    : `Copied as ${what} of ${org.name}`;
}

interface Want {
  token: AudienceToken | "explicit";
  role: "to" | "cc";
  userIds?: string[];
  /** For contact tokens: the organization the contact must still belong to. */
  contactOf?: string;
  byRole?: { orgId: string; role: Role };
}

/** Which users an event asks for, before any is loaded. */
export interface AudiencePlan {
  type: string;
  wanted: Want[];
  userIds: string[];
  roles: { orgId: string; role: Role }[];
}

/** The audience tokens in the catalog's order (to before cc), then explicit ids. */
export function planAudience(
  definition: Pick<TypeDefinition<never>, "to" | "cc"> & { type: string },
  envelope: Pick<EventEnvelope, "actor" | "recipients">,
  orgs: AudienceOrgs,
): AudiencePlan {
  const wanted: Want[] = [];
  const add = (token: AudienceToken, role: "to" | "cc") => {
    if (token === "actor")
      return void (envelope.actor?.userId && wanted.push({ token, role, userIds: [envelope.actor.userId] }));
    const org = orgs[tokenOrg[token]];
    if (!org) return;
    const contact = token.endsWith(".primary")
      ? org.primaryContactId
      : token.endsWith(".billing")
        ? org.billingContactId
        : undefined;
    if (contact !== undefined)
      return void (contact && wanted.push({ token, role, userIds: [contact], contactOf: org.id }));
    wanted.push({
      token,
      role,
      byRole: { orgId: org.id, role: token.endsWith(".admins") ? "admin" : "account_manager" },
    });
  };
  definition.to.forEach((token) => add(token, "to"));
  definition.cc.forEach((token) => add(token, "cc"));
  const explicitIds = envelope.recipients?.userIds ?? [];
  if (explicitIds.length) wanted.push({ token: "explicit", role: "to", userIds: explicitIds });
  return {
    type: definition.type,
    wanted,
    userIds: wanted.flatMap((w) => w.userIds ?? []).concat(envelope.actor?.userId ?? []),
    roles: wanted.flatMap((w) => (w.byRole ? [w.byRole] : [])),
  };
}

export type LoadedUser = UserRow & { overrides: { type: string; channel: Channel; enabled: boolean }[] };

/** Loads every user the plans ask for, with their preference overrides for the plans' types: one query for a whole batch. */
export async function loadPlannedUsers(plans: AudiencePlan[]): Promise<LoadedUser[]> {
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
export function resolveAudience(
  plan: AudiencePlan,
  loaded: { byId: Map<string, LoadedUser>; byOrgRole: Map<string, LoadedUser[]> },
  envelope: Pick<EventEnvelope, "actor" | "recipients">,
  orgs: AudienceOrgs,
): Audience {
  const { wanted } = plan;
  const { byId } = loaded;
  const chosen = new Map<string, Recipient>();
  const skipped = new Map<string, Audience["skipped"][number]>();
  for (const want of wanted) {
    const matches = want.byRole
      ? (loaded.byOrgRole.get(`${want.byRole.orgId}\u0000${want.byRole.role}`) ?? []).map((u) => u.id)
      : want.userIds!;
    const reason = describe(want.token, orgs, want.role);
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
      chosen.set(userId, { user, role: want.role, via: [want.token], reason });
    }
  }

  const covered = new Set([...chosen.values()].map((r) => r.user.email.toLowerCase()));
  const extraEmails = [...new Set((envelope.recipients?.emails ?? []).map((e) => e.toLowerCase()))].filter(
    (e) => !covered.has(e),
  );
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
    extraEmails,
    actorName: envelope.actor?.name ?? actor?.name ?? null,
  };
}

/** Indexes loaded users by id and by (organization, role) for resolveAudience. */
export function indexUsers(users: LoadedUser[]) {
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
