// Recipient rules, the pure part: which rule applies to an event (the walk up the organization
// tree, with locks), what it asks for (each Recipient form against the event's organizations),
// and who that is once the users are loaded (one field per person, the strongest; addresses that
// belong to directory users are those users). No I/O here: ingest and the preview load the rows.
import type { AudienceToken, TypeDefinition } from "@/lib/notifications/catalog";
import type { Role } from "@/lib/generated/prisma/enums";
import { fieldStrength, ruleFields, type Recipient, type RecipientOrgKind, type Rule, type RuleField } from "./schemas";

/** An organization of an event's chain, as the organization cache holds it. */
export interface ChainOrg {
  id: string;
  name: string;
  kind: string;
  primaryContactId?: string | null;
  billingContactId?: string | null;
}

/** A stored rule of one organization for one type. */
export interface StoredRule extends Rule {
  organizationId: string;
  locked: boolean;
  lockedById?: string | null;
}

export interface EffectiveRule {
  rule: Rule;
  source: "catalog" | "organization";
  organizationId?: string;
  organizationName?: string;
  locked: boolean;
}

/** The catalog's default rule: its `to` / `cc` audience tokens. */
function catalogRule(definition: Pick<TypeDefinition<never>, "to" | "cc">): Rule {
  return {
    to: definition.to.map((token) => ({ token })),
    cc: definition.cc.map((token) => ({ token })),
    bcc: [],
  };
}

/**
 * The rule for an event of chain[0]: the highest locked rule of the chain if there is one
 * (nothing beneath a lock replaces it, even a rule saved before the lock), else the nearest rule,
 * else the catalog's. `chain`: nearest first, up to the platform. `rules`: this type's rules by
 * organization id.
 */
export function effectiveRule(
  definition: Pick<TypeDefinition<never>, "to" | "cc">,
  chain: readonly ChainOrg[],
  rules: ReadonlyMap<string, StoredRule>,
): EffectiveRule {
  let chosen: { org: ChainOrg; rule: StoredRule } | undefined;
  for (let i = chain.length - 1; i >= 0; i--) {
    const org = chain[i]!;
    const rule = rules.get(org.id);
    if (!rule) continue;
    chosen = { org, rule };
    if (rule.locked) break;
  }
  if (!chosen) return { rule: catalogRule(definition), source: "catalog", locked: false };
  const { org, rule } = chosen;
  return {
    rule: { to: rule.to, cc: rule.cc, bcc: rule.bcc },
    source: "organization",
    organizationId: org.id,
    organizationName: org.name,
    locked: rule.locked,
  };
}

/** The organizations an event's tokens and role entries refer to. */
export interface EventOrgs<O extends ChainOrg = ChainOrg> {
  event: O;
  customer?: O;
  reseller?: O;
  distributor?: O;
  vendor?: O;
}

/** The organizations of an event's chain (nearest first) that tokens and role entries name. */
export function eventOrgs<O extends ChainOrg>(chain: readonly O[], vendor?: O): EventOrgs<O> | null {
  const event = chain[0];
  if (!event) return null;
  const resellerIndex = chain.findIndex((org) => org.kind === "reseller");
  const reseller = resellerIndex >= 0 ? chain[resellerIndex] : undefined;
  const distributor = reseller ? chain.slice(resellerIndex + 1).find((org) => org.kind === "distributor") : undefined;
  // As the catalog says: the customer is the event's organization, the reseller the nearest one
  // in its chain (or the event's), the distributor the reseller's, the vendor the one in data.vendorId.
  return {
    event,
    ...(event.kind === "customer" ? { customer: event } : {}),
    ...(reseller ? { reseller } : {}),
    ...(distributor ? { distributor } : {}),
    ...(vendor?.kind === "vendor" ? { vendor } : {}),
  };
}

/** Where a recipient came from: which rule (or the envelope), which field, which entry. */
export interface RuleChoice {
  source: "catalog" | "organization" | "envelope";
  organizationId?: string;
  organizationName?: string;
  field: RuleField;
  entry: Recipient;
}

type Selector =
  | { kind: "users"; userIds: string[]; contactOf?: string }
  | { kind: "role"; orgId: string; role: Role }
  | { kind: "email"; email: string };

interface Want {
  field: RuleField;
  choice: RuleChoice;
  select: Selector;
}

const tokenOrg: Record<Exclude<AudienceToken, "actor">, RecipientOrgKind> = {
  "customer.primary": "customer",
  "customer.billing": "customer",
  "customer.admins": "customer",
  "reseller.primary": "reseller",
  "reseller.billing": "reseller",
  "reseller.account_managers": "reseller",
  "distributor.primary": "distributor",
  "vendor.primary": "vendor",
};

function tokenSelector(token: AudienceToken, orgs: EventOrgs, actorId?: string): Selector | null {
  if (token === "actor") return actorId ? { kind: "users", userIds: [actorId] } : null;
  const org = orgs[tokenOrg[token]];
  if (!org) return null;
  if (token.endsWith(".primary") || token.endsWith(".billing")) {
    const contact = token.endsWith(".primary") ? org.primaryContactId : org.billingContactId;
    // A contact id names a user of that organization; one who has since moved is not it any more.
    return contact ? { kind: "users", userIds: [contact], contactOf: org.id } : null;
  }
  return { kind: "role", orgId: org.id, role: token.endsWith(".admins") ? "admin" : "account_manager" };
}

/**
 * What an event asks for: the effective rule's entries in field order (to, cc, bcc), then the
 * envelope's explicit users (as `to`) and addresses (outside addresses, as `to`).
 */
export function expandRule(
  effective: EffectiveRule,
  context: {
    orgs: EventOrgs;
    actorId?: string;
    explicitUserIds?: readonly string[];
    explicitEmails?: readonly string[];
  },
): Want[] {
  const wants: Want[] = [];
  const origin = {
    source: effective.source,
    ...(effective.organizationId
      ? { organizationId: effective.organizationId, organizationName: effective.organizationName }
      : {}),
  };
  for (const field of ruleFields) {
    for (const entry of effective.rule[field]) {
      const choice: RuleChoice = { ...origin, field, entry };
      let select: Selector | null;
      if ("token" in entry) select = tokenSelector(entry.token, context.orgs, context.actorId);
      else if ("role" in entry) {
        const org = context.orgs[entry.of];
        select = org ? { kind: "role", orgId: org.id, role: entry.role } : null;
      } else if ("userId" in entry) select = { kind: "users", userIds: [entry.userId] };
      else select = { kind: "email", email: entry.email.toLowerCase() };
      if (select) wants.push({ field, choice, select });
    }
  }
  for (const userId of new Set(context.explicitUserIds ?? [])) {
    const entry = { userId };
    wants.push({
      field: "to",
      choice: { source: "envelope", field: "to", entry },
      select: { kind: "users", userIds: [userId] },
    });
  }
  for (const raw of context.explicitEmails ?? []) {
    const email = raw.toLowerCase();
    const entry = { email };
    wants.push({ field: "to", choice: { source: "envelope", field: "to", entry }, select: { kind: "email", email } });
  }
  return wants;
}

/** What wants need loaded: users by id, by (organization, role), by address. */
export function wantedKeys(wants: readonly Want[]) {
  const userIds = new Set<string>();
  const roles = new Map<string, { orgId: string; role: Role }>();
  const emails = new Set<string>();
  for (const { select } of wants) {
    if (select.kind === "users") select.userIds.forEach((id) => userIds.add(id));
    else if (select.kind === "role")
      roles.set(`${select.orgId}\u0000${select.role}`, { orgId: select.orgId, role: select.role });
    else emails.add(select.email);
  }
  return { userIds: [...userIds], roles: [...roles.values()], emails: [...emails] };
}

export interface DirectoryUser {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  role: Role;
  active: boolean;
}

interface UserLookup<U extends DirectoryUser> {
  byId: ReadonlyMap<string, U>;
  byOrgRole: ReadonlyMap<string, readonly U[]>;
  /** Lowercased address → user. */
  byEmail: ReadonlyMap<string, U>;
}

export function indexDirectoryUsers<U extends DirectoryUser>(users: readonly U[]): UserLookup<U> {
  const byId = new Map<string, U>();
  const byOrgRole = new Map<string, U[]>();
  const byEmail = new Map<string, U>();
  for (const user of users) {
    if (byId.has(user.id)) continue;
    byId.set(user.id, user);
    byEmail.set(user.email.toLowerCase(), user);
    const key = `${user.organizationId}\u0000${user.role}`;
    const list = byOrgRole.get(key);
    if (list) list.push(user);
    else byOrgRole.set(key, [user]);
  }
  return { byId, byOrgRole, byEmail };
}

interface ChosenUser<U> {
  user: U;
  /** The strongest field the person was named in. */
  field: RuleField;
  /** Every entry that named them, in rule order; `choices[0]` chose the final field. */
  choices: RuleChoice[];
}

interface ChosenAddress {
  email: string;
  field: RuleField;
  choices: RuleChoice[];
}

interface SkippedUser<U> {
  userId: string;
  user?: U;
  choices: RuleChoice[];
  skipped: "inactive" | "unknown_user";
}

interface Assignment<U> {
  users: ChosenUser<U>[];
  addresses: ChosenAddress[];
  skipped: SkippedUser<U>[];
}

/**
 * Who the wants reach: each person once, in the strongest field they were named in (to > cc >
 * bcc), with every entry that named them. An address that belongs to a directory user is that
 * user (a deactivated one gets nothing); other addresses stay outside addresses. Users named by
 * id who are unknown or deactivated are reported as skipped; a role or contact that matches
 * nobody active is simply empty.
 */
export function assignRecipients<U extends DirectoryUser>(
  wants: readonly Want[],
  lookup: UserLookup<U>,
): Assignment<U> {
  const users = new Map<string, ChosenUser<U>>();
  const addresses = new Map<string, ChosenAddress>();
  const skipped = new Map<string, SkippedUser<U> & { field: RuleField }>();

  const choose = <T extends { field: RuleField; choices: RuleChoice[] }>(
    map: Map<string, T>,
    key: string,
    want: Want,
    create: () => T,
  ) => {
    const existing = map.get(key);
    if (!existing) return void map.set(key, create());
    if (existing.choices.some((c) => c.entry === want.choice.entry && c.field === want.choice.field)) return;
    if (fieldStrength[want.field] < fieldStrength[existing.field]) {
      existing.field = want.field;
      existing.choices.unshift(want.choice);
    } else existing.choices.push(want.choice);
  };
  const chooseUser = (user: U | undefined, userId: string, want: Want, reportMissing: boolean) => {
    if (!user || !user.active) {
      if (user || reportMissing)
        choose(skipped, userId, want, () => ({
          userId,
          ...(user ? { user } : {}),
          choices: [want.choice],
          skipped: user ? "inactive" : "unknown_user",
          field: want.field,
        }));
      return;
    }
    choose(users, user.id, want, () => ({ user, field: want.field, choices: [want.choice] }));
  };

  for (const want of wants) {
    const { select } = want;
    if (select.kind === "users") {
      for (const userId of select.userIds) {
        const user = lookup.byId.get(userId);
        if (user && select.contactOf && user.organizationId !== select.contactOf) continue;
        // Contacts that are not (or no longer) users are silent; ids named on purpose are reported.
        chooseUser(user, userId, want, !select.contactOf && !("token" in want.choice.entry));
      }
    } else if (select.kind === "role") {
      for (const user of lookup.byOrgRole.get(`${select.orgId}\u0000${select.role}`) ?? []) {
        if (user.active) chooseUser(user, user.id, want, false);
      }
    } else {
      const user = lookup.byEmail.get(select.email);
      if (user) chooseUser(user, user.id, want, true);
      else
        choose(addresses, select.email, want, () => ({
          email: select.email,
          field: want.field,
          choices: [want.choice],
        }));
    }
  }
  return {
    users: [...users.values()],
    addresses: [...addresses.values()],
    skipped: [...skipped.values()].map(({ field: _field, ...rest }) => rest),
  };
}

/** Channels a field can reach: bcc is email only, and so is an outside address. */
export function fieldChannels(field: RuleField, outside: boolean): { inApp: boolean; email: boolean } {
  return { inApp: !outside && field !== "bcc", email: true };
}

/**
 * May this recipient's email carry the event's sensitive fields? Only `to` recipients who belong
 * to the event's organization or one above it: never an actor or an explicit user from an
 * unrelated organization, never cc or bcc, never an outside address.
 */
export function mayReceiveSensitive(
  recipient: { field: RuleField; organizationId: string | null },
  chain: readonly { id: string }[],
): boolean {
  return (
    recipient.field === "to" &&
    recipient.organizationId !== null &&
    chain.some((org) => org.id === recipient.organizationId)
  );
}
