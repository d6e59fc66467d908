// Recipient rules, cached per organization for ingest (every event walks its organization's
// chain). Any change drops the cache here and on the other instances ("recipient-rules" topic);
// a load overtaken by a change is not stored (lib/cache/keyed-cache.ts).
import { db } from "@/lib/db";
import { createKeyedCache } from "@/lib/cache/keyed-cache";
import type { Recipient } from "./schemas";
import type { StoredRule } from "./resolve";

type Client = Pick<typeof db, "recipientRule">;

/** One organization's rules by type. */
export type OrganizationRules = Map<string, StoredRule>;

const cache = createKeyedCache<OrganizationRules>({
  name: "recipientRules",
  topic: "recipient-rules",
  lifetimeMs: 60_000,
  maxEntries: 50_000,
});

/** Reads the rules of these organizations now (uncached): settings pages and changes use this. */
export async function loadRecipientRules(
  organizationIds: readonly string[],
  client: Client = db,
): Promise<Map<string, OrganizationRules>> {
  const rows = await client.recipientRule.findMany({ where: { organizationId: { in: [...organizationIds] } } });
  const byOrg = new Map<string, OrganizationRules>(organizationIds.map((id) => [id, new Map()]));
  for (const row of rows) {
    byOrg.get(row.organizationId)?.set(row.type, {
      organizationId: row.organizationId,
      // Validated by recipientRuleBody when written.
      to: row.to as Recipient[],
      cc: row.cc as Recipient[],
      bcc: row.bcc as Recipient[],
      locked: row.locked,
      lockedById: row.lockedById,
    });
  }
  return byOrg;
}

/** The same, from the cache. */
export function getRecipientRules(
  organizationIds: readonly string[],
  client: Client = db,
): Promise<Map<string, OrganizationRules>> {
  return cache.getMany(organizationIds, (missing) => loadRecipientRules(missing, client));
}

/** One type's rules along a chain, by organization id, for effectiveRule. */
export function rulesForType(
  chain: readonly { id: string }[],
  rules: ReadonlyMap<string, OrganizationRules>,
  type: string,
): Map<string, StoredRule> {
  const result = new Map<string, StoredRule>();
  for (const org of chain) {
    const rule = rules.get(org.id)?.get(type);
    if (rule) result.set(org.id, rule);
  }
  return result;
}
