// Organization ancestor chains, cached: ingest needs the chain of every event's organization (for
// audience tokens) and of every recipient's (for preferences). The tree changes rarely; any
// directory change drops the cache here and on the other instances (lib/cache/invalidation.ts).
import { db, sql } from "@/lib/db";
import { createKeyedCache } from "@/lib/cache/keyed-cache";
import type { OrgKind } from "@/lib/generated/prisma/enums";

export interface OrgRow {
  id: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  primaryContactId: string | null;
  billingContactId: string | null;
}

type Client = Pick<typeof db, "$queryRaw">;

const MAX_ENTRIES = 50_000;
// A safety net for a missed notice; changes normally drop the cache at once.
const LIFETIME_MS = 60_000;
// Deep enough for platform → distributor → reseller → customer with room to spare; it also
// stops a (corrupt) cycle in parentId from looping forever.
export const MAX_DEPTH = 16;

const cache = createKeyedCache<OrgRow[]>({
  name: "orgChains",
  topic: "directory",
  lifetimeMs: LIFETIME_MS,
  maxEntries: MAX_ENTRIES,
});

/** For each known organization id: itself and its ancestors, nearest first, read now (uncached). Unknown ids are absent. */
export async function loadOrgChains(organizationIds: string[], client: Client = db): Promise<Map<string, OrgRow[]>> {
  const chains = new Map<string, OrgRow[]>();
  if (organizationIds.length === 0) return chains;
  const rows = await client.$queryRaw<(OrgRow & { start: string; depth: number })[]>(
    sql`WITH RECURSIVE chain AS (
          SELECT o.id AS start, o.*, 0 AS depth FROM "Organization" o WHERE o.id = ANY(${organizationIds}::text[])
          UNION ALL
          SELECT c.start, p.*, c.depth + 1 FROM chain c JOIN "Organization" p ON p.id = c."parentId"
          WHERE c.depth < ${MAX_DEPTH}
        )
        SELECT start, id, name, kind::text AS kind, "parentId", "primaryContactId", "billingContactId", depth
        FROM chain ORDER BY start, depth`,
  );
  for (const { start, depth: _depth, ...org } of rows) {
    const chain = chains.get(start);
    if (chain) chain.push(org);
    else chains.set(start, [org]);
  }
  return chains;
}

/** The same, from the cache (filled on a miss; a load overtaken by a directory change is not stored). */
export function getOrgChains(organizationIds: string[], client: Client = db): Promise<Map<string, OrgRow[]>> {
  return cache.getMany(organizationIds, (missing) => loadOrgChains(missing, client));
}
