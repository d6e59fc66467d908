// Organization notification settings, cached per organization for ingest (every event needs the
// settings along each recipient's chain). Any change drops the cache here and on the other
// instances (lib/cache/invalidation.ts); a lifetime bounds a missed notice.
import { db } from "@/lib/db";
import { onInvalidate } from "@/lib/cache/invalidation";
import type { OrgSettingRow } from "./levels";

type Client = Pick<typeof db, "organizationPreference">;

const LIFETIME_MS = 60_000;
const MAX_ENTRIES = 50_000;

const holder = globalThis as unknown as { __orgSettings?: { rows: Map<string, OrgSettingRow[]>; loadedAt: number } };
const cache = (holder.__orgSettings ??= { rows: new Map(), loadedAt: Date.now() });
onInvalidate("organization-preferences", () => {
  cache.rows.clear();
  cache.loadedAt = Date.now();
});

/** Every setting row (all types) of these organizations. */
export async function getOrganizationSettings(
  organizationIds: string[],
  client: Client = db,
): Promise<OrgSettingRow[]> {
  if (Date.now() - cache.loadedAt > LIFETIME_MS || cache.rows.size > MAX_ENTRIES) {
    cache.rows.clear();
    cache.loadedAt = Date.now();
  }
  const missing = organizationIds.filter((id) => !cache.rows.has(id));
  if (missing.length) {
    const rows = await client.organizationPreference.findMany({
      where: { organizationId: { in: missing } },
      select: { organizationId: true, type: true, channel: true, enabled: true, locked: true, lockedById: true },
    });
    // Built afresh and then stored whole: concurrent misses for one id must not append twice.
    const loaded = new Map<string, OrgSettingRow[]>(missing.map((id) => [id, []]));
    for (const row of rows) loaded.get(row.organizationId)!.push(row);
    for (const [id, list] of loaded) cache.rows.set(id, list);
  }
  return organizationIds.flatMap((id) => cache.rows.get(id) ?? []);
}
