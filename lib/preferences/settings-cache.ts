// Organization notification settings, cached per organization for ingest (every event needs the
// settings along each recipient's chain). Any change drops the cache here and on the other
// instances (lib/cache/invalidation.ts); a lifetime bounds a missed notice.
import { db } from "@/lib/db";
import { createKeyedCache } from "@/lib/cache/keyed-cache";
import type { OrgSettingRow } from "./levels";

type Client = Pick<typeof db, "organizationPreference">;

const LIFETIME_MS = 60_000;
const MAX_ENTRIES = 50_000;

const cache = createKeyedCache<OrgSettingRow[]>({
  name: "orgSettings",
  topic: "organization-preferences",
  lifetimeMs: LIFETIME_MS,
  maxEntries: MAX_ENTRIES,
});

/** Every setting row (all types) of these organizations (a load overtaken by a settings change is not stored). */
export async function getOrganizationSettings(
  organizationIds: string[],
  client: Client = db,
): Promise<OrgSettingRow[]> {
  const rows = await cache.getMany(organizationIds, async (missing) => {
    const found = await client.organizationPreference.findMany({
      where: { organizationId: { in: missing } },
      select: { organizationId: true, type: true, channel: true, enabled: true, locked: true, lockedById: true },
    });
    const loaded = new Map<string, OrgSettingRow[]>(missing.map((id) => [id, []]));
    for (const row of found) loaded.get(row.organizationId)!.push(row);
    return loaded;
  });
  return organizationIds.flatMap((id) => rows.get(id) ?? []);
}
