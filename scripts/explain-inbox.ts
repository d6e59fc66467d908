// Prints the query plans of the inbox queries for one user with 100,000 notifications among
// ~1,100,000 rows, so index changes can be checked: `TEST_DATABASE_URL=… tsx scripts/explain-inbox.ts`.
// Works on a fresh, migrated database that it drops at the end. `--baseline` also explains the
// same queries with only the init migration's indexes, for comparison.
import pg from "pg";
import { createFreshDatabase } from "../tests/support/database";

const database = await createFreshDatabase("nc_explain");
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  const started = Date.now();
  await client.query(`INSERT INTO "Organization" (id, name, kind, "updatedAt") VALUES ('org_x', 'X', 'customer', now())`);
  await client.query(`INSERT INTO "User" (id, email, name, "organizationId", "updatedAt")
    SELECT 'u_' || g, 'u' || g || '@x.example', 'User ' || g, 'org_x', now() FROM generate_series(0, 999) g`);
  await client.query(`INSERT INTO "Event" (id, "externalId", type, "organizationId", "occurredAt", data)
    VALUES ('ev_1', 'evt_1', 'order.completed', 'org_x', now(), '{}')`);
  const categories = ["orders", "catalog", "scheduled_orders", "quotes", "subscriptions", "organizations", "payments"];
  // u_0 has 100,000 rows: the newest 50 unread plus every 997th older one, every 10th archived
  // (read history dominates a real inbox). u_1 has 100,000 rows and archives nearly all of them
  // (100 kept). 900,000 more rows belong to 998 other users, 90% of them read.
  await client.query(
    `INSERT INTO "Notification" (id, "userId", "eventId", type, category, title, body, reason, data, "createdAt", "readAt", "archivedAt")
     SELECT gen_random_uuid()::text,
            CASE WHEN g <= 100000 THEN 'u_0' WHEN g <= 200000 THEN 'u_1' ELSE 'u_' || (2 + g % 998) END,
            'ev_1', 'order.completed', ($1::text[])[1 + g % 7], 'Title ' || g, 'Body', 'Reason', '{}',
            now() - ((g % 100000) || ' seconds')::interval - (g / 100000 || ' milliseconds')::interval,
            CASE WHEN g <= 100000 AND (g <= 50 OR g % 997 = 0) THEN NULL
                 WHEN g > 200000 AND g % 10 = 0 THEN NULL ELSE now() END,
            CASE WHEN g <= 100000 AND g % 10 = 3 THEN now()
                 WHEN g > 100000 AND g <= 200000 AND g % 1000 <> 0 THEN now()
                 WHEN g > 200000 AND g % 10 = 3 THEN now() END
     FROM generate_series(1, 1100000) g`,
    [categories],
  );
  await client.query(`VACUUM ANALYZE "Notification"`);
  console.log(`inserted 1,100,000 rows in ${Date.now() - started} ms`);

  const { rows: [mid] } = await client.query(`SELECT "createdAt", id FROM "Notification" WHERE "userId" = 'u_0' ORDER BY "createdAt" DESC, id DESC OFFSET 50000 LIMIT 1`);
  const cursor = (alias = "") => `AND ${alias}"createdAt" <= '${mid.createdAt.toISOString()}' AND (${alias}"createdAt" < '${mid.createdAt.toISOString()}' OR (${alias}"createdAt" = '${mid.createdAt.toISOString()}' AND ${alias}id < '${mid.id}'))`;
  const page = (where: string) => `SELECT * FROM "Notification" WHERE "userId" = 'u_0' ${where} ORDER BY "createdAt" DESC, id DESC LIMIT 21`;
  // Shapes as Prisma sends them (findMany; count wraps a subselect).
  const u1 = (where: string) => page(where).replace(`'u_0'`, `'u_1'`);
  const queries: Record<string, string> = {
    "all, first page": page(`AND "archivedAt" IS NULL`),
    "all, page at row 50,000 (cursor)": page(`AND "archivedAt" IS NULL ${cursor()}`),
    "unread, first page (few unread in 100k)": page(`AND "readAt" IS NULL AND "archivedAt" IS NULL`),
    "unread, second page (cursor)": page(`AND "readAt" IS NULL AND "archivedAt" IS NULL ${cursor()}`),
    "archived, first page": page(`AND "archivedAt" IS NOT NULL`),
    "archived, deep cursor": page(`AND "archivedAt" IS NOT NULL ${cursor()}`),
    "category quotes, first page": page(`AND category = 'quotes' AND "archivedAt" IS NULL`),
    "category quotes, deep cursor": page(`AND category = 'quotes' AND "archivedAt" IS NULL ${cursor()}`),
    "unread in category quotes": page(`AND category = 'quotes' AND "readAt" IS NULL AND "archivedAt" IS NULL`),
    "archiver (u_1, 99.9% archived): all, first page": u1(`AND "archivedAt" IS NULL`),
    "archiver (u_1): unread, first page": u1(`AND "readAt" IS NULL AND "archivedAt" IS NULL`),
    "unread count": `SELECT COUNT(*) FROM (SELECT id FROM "Notification" WHERE "userId" = 'u_0' AND "readAt" IS NULL AND "archivedAt" IS NULL) sub`,
    "unread count in category": `SELECT COUNT(*) FROM (SELECT id FROM "Notification" WHERE "userId" = 'u_0' AND category = 'quotes' AND "readAt" IS NULL AND "archivedAt" IS NULL) sub`,
    "mark all read (rows to update)": `SELECT id FROM "Notification" WHERE "userId" = 'u_0' AND "readAt" IS NULL AND "archivedAt" IS NULL`,
  };
  const explainAll = async (heading: string) => {
    console.log(`\n## ${heading}`);
    for (const [name, sql] of Object.entries(queries)) {
      await client.query(sql); // warm
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`);
      console.log(`\n### ${name}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  };
  await explainAll("With the inbox indexes (migration 20261126184500_inbox_indexes)");
  if (process.argv.includes("--baseline")) {
    // The same queries with only the indexes of the init migration, for comparison.
    await client.query(`DROP INDEX "Notification_inbox_unread_idx", "Notification_inbox_unread_category_idx", "Notification_inbox_active_idx", "Notification_inbox_archived_idx"`);
    await client.query(`CREATE INDEX "Notification_unread_idx" ON "Notification"("userId", "category") WHERE "readAt" IS NULL AND "archivedAt" IS NULL`);
    await client.query(`ANALYZE "Notification"`);
    await explainAll("Baseline: init migration indexes only");
  }
} finally {
  await client.end();
  await database.drop();
}
