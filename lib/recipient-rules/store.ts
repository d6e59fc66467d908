// An organization's recipient rules as its admins (and the Platform API) see and change them.
// Authorization (may the actor manage this organization at all) is the caller's job:
// authorizeOrganization in lib/preferences/org-tree.ts. This module enforces the locks, checks
// the entries against the directory, and writes each change into the settings history.
import { db, sql, type Prisma } from "@/lib/db";
import { invalidate } from "@/lib/cache/invalidation";
import { AppError, type ErrorDetail } from "@/lib/errors";
import { catalog, notificationTypes, type NotificationType } from "@/lib/notifications/catalog";
import { loadOrgChains } from "@/lib/directory/org-cache";
import { recordChanges, type ChangeVia } from "@/lib/preferences/history";
import { loadAncestorChains, type ChainLink } from "@/lib/preferences/org-tree";
import { loadRecipientRules, rulesForType, type OrganizationRules } from "./cache";
import { effectiveRule, type StoredRule } from "./resolve";
import { ruleFields, type RecipientRuleBody, type RecipientRuleItem, type Rule } from "./schemas";

type Client = Pick<Prisma.TransactionClient, "$queryRaw" | "recipientRule">;

/**
 * Who is changing rules: an admin (their organization must be in the chain: they manage this
 * one), or the Platform API (`organizationId: null`: the marketplace itself, above every lock
 * but one set above the organization changed, which would make the change meaningless).
 */
interface RuleActor {
  userId: string | null;
  organizationId: string | null;
  via: ChangeVia;
}

async function loadContext(client: Client, organizationId: string, actor: Pick<RuleActor, "organizationId">) {
  const chain = (await loadAncestorChains([organizationId], client)).get(organizationId);
  if (!chain) throw new AppError("not_found", "Organization not found");
  const rules = await loadRecipientRules(
    chain.map((link) => link.id),
    client,
  );
  const actorDepth =
    actor.organizationId === null ? chain.length : chain.findIndex((l) => l.id === actor.organizationId);
  const item = (type: NotificationType) => buildItem(type, chain, rules, actorDepth);
  return { chain, rules, item };
}

function buildItem(
  type: NotificationType,
  chain: ChainLink[],
  rules: Map<string, OrganizationRules>,
  actorDepth: number,
): RecipientRuleItem {
  const chainRules = rulesForType(chain, rules, type);
  const effective = effectiveRule(catalog[type], chain, chainRules);
  const own = chainRules.get(chain[0]!.id);
  return {
    type,
    rule: effective.rule,
    source: effective.source,
    ...(effective.organizationId
      ? { sourceOrganizationId: effective.organizationId, sourceName: effective.organizationName }
      : {}),
    locked: effective.locked,
    own: !!own,
    ...(blockedBy(chain, chainRules, actorDepth) ?? {}),
  };
}

/** The lock that keeps the actor from changing this organization's rule: one above it, or one here set above the actor. */
function blockedBy(chain: ChainLink[], rules: Map<string, StoredRule>, actorDepth: number) {
  const above = chain.slice(1).findLast((link) => rules.get(link.id)?.locked);
  if (above) return { lockedBy: above.name };
  const own = rules.get(chain[0]!.id);
  if (!own?.locked || !own.lockedById) return null;
  const ownerDepth = chain.findIndex((link) => link.id === own.lockedById);
  if (ownerDepth > actorDepth) return { lockedBy: chain[ownerDepth]!.name };
  return null;
}

/** Every type's effective rule for this organization. */
export async function listRecipientRules(
  params: { organizationId: string; actorOrganizationId: string | null },
  client: Client = db,
): Promise<{ organization: ChainLink; items: RecipientRuleItem[] }> {
  const { chain, item } = await loadContext(client, params.organizationId, {
    organizationId: params.actorOrganizationId,
  });
  return { organization: chain[0]!, items: notificationTypes.map(item) };
}

export async function getRecipientRule(
  params: { organizationId: string; actorOrganizationId: string | null; type: NotificationType },
  client: Client = db,
): Promise<RecipientRuleItem> {
  const { item } = await loadContext(client, params.organizationId, { organizationId: params.actorOrganizationId });
  return item(params.type);
}

/** userId entries must name users of the rule's organization or one beneath it (422 by JSON path). */
async function checkUsers(client: Client, organizationId: string, rule: Rule) {
  const named = ruleFields.flatMap((field) =>
    rule[field].flatMap((entry, index) =>
      "userId" in entry ? [{ path: `${field}[${index}].userId`, id: entry.userId }] : [],
    ),
  );
  if (!named.length) return;
  const users = await client.$queryRaw<{ id: string; organizationId: string }[]>(
    sql`SELECT id, "organizationId" FROM "User" WHERE id = ANY(${[...new Set(named.map((n) => n.id))]}::text[])`,
  );
  const orgOf = new Map(users.map((u) => [u.id, u.organizationId]));
  const chains = await loadOrgChains([...new Set(users.map((u) => u.organizationId))], client);
  const details: ErrorDetail[] = [];
  for (const { path, id } of named) {
    const org = orgOf.get(id);
    if (org === undefined) details.push({ path, message: `names no known user (${id})`, code: "unknown_user" });
    else if (!chains.get(org)?.some((link) => link.id === organizationId))
      details.push({
        path,
        message: `${id} does not belong to this organization or one beneath it`,
        code: "outside_organization",
      });
  }
  if (details.length)
    throw new AppError("validation_failed", `Invalid request: ${details[0]!.path} ${details[0]!.message}`, details);
}

function checkCritical(type: NotificationType, rule: Rule) {
  // A rule can route a critical type, not silence it.
  if (catalog[type].critical && rule.to.length === 0) {
    const detail = {
      path: "to",
      message: `must name at least one recipient: “${catalog[type].label}” is critical`,
      code: "critical_needs_to",
    };
    throw new AppError("validation_failed", `Invalid request: ${detail.path} ${detail.message}`, [detail]);
  }
}

function lockConflict(type: NotificationType, lockedBy: string) {
  return new AppError(
    "conflict",
    `Locked by ${lockedBy}: who receives “${catalog[type].label}” cannot be changed here`,
  );
}

const asRule = (rule: StoredRule | undefined): Rule | null =>
  rule ? { to: rule.to, cc: rule.cc, bcc: rule.bcc } : null;

/** Replaces the organization's own rule for a type (as a whole); 409 under a lock the actor does not own. */
export async function saveRecipientRule(params: {
  actor: RuleActor;
  organizationId: string;
  type: NotificationType;
  body: RecipientRuleBody;
}): Promise<RecipientRuleItem> {
  const { actor, organizationId, type, body } = params;
  const rule: Rule = { to: body.to, cc: body.cc, bcc: body.bcc };
  checkCritical(type, rule);
  const item = await db.$transaction(async (tx) => {
    await lockOrganization(tx, organizationId);
    const context = await loadContext(tx, organizationId, actor);
    refusePlatformViaApi(actor, context.chain);
    const current = context.item(type);
    if (current.lockedBy) throw lockConflict(type, current.lockedBy);
    await checkUsers(tx, organizationId, rule);
    const old = context.rules.get(organizationId)?.get(type);
    const locked = body.locked ?? old?.locked ?? false;
    // The lock belongs to whoever set it: an admin above keeps it against the organization's own admins.
    const lockedById = locked
      ? old?.locked && body.locked === undefined
        ? old.lockedById
        : actor.organizationId
      : null;
    const data = { to: rule.to, cc: rule.cc, bcc: rule.bcc, locked, lockedById } as const;
    await tx.recipientRule.upsert({
      where: { organizationId_type: { organizationId, type } },
      create: { organizationId, type, ...json(data) },
      update: json(data),
    });
    await recordChanges(tx, [
      {
        actorId: actor.userId,
        scope: "organization",
        organizationId,
        type,
        channel: null,
        oldEnabled: null,
        newEnabled: null,
        oldLocked: old?.locked ?? false,
        newLocked: locked,
        oldRule: asRule(old),
        newRule: rule,
        via: actor.via,
      },
    ]);
    return (await loadContext(tx, organizationId, actor)).item(type);
  });
  // Ingest caches rules: drop them here and on the other instances, after the commit.
  invalidate("recipient-rules");
  return item;
}

/** Deletes the organization's own rule: the inherited one applies again (returned). */
export async function deleteRecipientRule(params: {
  actor: RuleActor;
  organizationId: string;
  type: NotificationType;
}): Promise<RecipientRuleItem> {
  const { actor, organizationId, type } = params;
  let changed = false;
  const item = await db.$transaction(async (tx) => {
    await lockOrganization(tx, organizationId);
    const context = await loadContext(tx, organizationId, actor);
    refusePlatformViaApi(actor, context.chain);
    const old = context.rules.get(organizationId)?.get(type);
    if (!old) return context.item(type);
    const current = context.item(type);
    if (current.lockedBy) throw lockConflict(type, current.lockedBy);
    await tx.recipientRule.delete({ where: { organizationId_type: { organizationId, type } } });
    await recordChanges(tx, [
      {
        actorId: actor.userId,
        scope: "organization",
        organizationId,
        type,
        channel: null,
        oldEnabled: null,
        newEnabled: null,
        oldLocked: old.locked,
        newLocked: false,
        oldRule: asRule(old),
        newRule: null,
        via: actor.via,
      },
    ]);
    changed = true;
    return (await loadContext(tx, organizationId, actor)).item(type);
  });
  if (changed) invalidate("recipient-rules");
  return item;
}

/** The Platform API never reaches the platform organization (its operators manage it in the console). */
function refusePlatformViaApi(actor: RuleActor, chain: ChainLink[]) {
  if (actor.organizationId === null && chain[0]!.kind === "platform")
    throw new AppError(
      "forbidden",
      `Organization ${chain[0]!.id} is the platform organization: its rules are set in the console, not the Platform API`,
    );
}

/** Serializes changes to one organization's rules so no history row is lost or wrong. */
async function lockOrganization(tx: Prisma.TransactionClient, organizationId: string) {
  const found = await tx.$queryRaw<{ id: string }[]>(sql`
    SELECT id FROM "Organization" WHERE id = ${organizationId} FOR NO KEY UPDATE`);
  if (found.length === 0) throw new AppError("not_found", "Organization not found");
}

function json<T extends Record<string, unknown>>(data: T) {
  return data as unknown as { to: Prisma.InputJsonValue; cc: Prisma.InputJsonValue; bcc: Prisma.InputJsonValue } & Omit<
    T,
    "to" | "cc" | "bcc"
  >;
}
