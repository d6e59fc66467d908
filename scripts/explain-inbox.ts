// Prints the query plans of the inbox queries for one user with 100,000 notifications among
// ~1,100,000 rows, so index changes can be checked: `TEST_DATABASE_URL=… tsx scripts/explain-inbox.ts`.
// Works on a fresh, migrated database that it drops at the end.
import pg from "pg";
import { sql } from "@/lib/db";
import { inboxPageQuery, unreadCountQuery, type Query } from "@/lib/notifications/inbox";
import type { CursorPosition } from "@/lib/notifications/inbox-cursor";
import { createFreshDatabase } from "../tests/support/database";

const database = await createFreshDatabase("nc_explain");
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  const started = Date.now();
  await client.query(
    `INSERT INTO "Organization" (id, name, kind, "updatedAt") VALUES ('org_x', 'X', 'customer', now())`,
  );
  await client.query(`INSERT INTO "User" (id, email, name, "organizationId", "updatedAt")
    SELECT 'u_' || g, 'u' || g || '@x.example', 'User ' || g, 'org_x', now() FROM generate_series(0, 999) g`);
  await client.query(`INSERT INTO "Event" (id, "externalId", type, "organizationId", "occurredAt", data)
    VALUES ('ev_1', 'evt_1', 'order.completed', 'org_x', now(), '{}')`);
  const categories = ["orders", "catalog", "scheduled_orders", "quotes", "subscriptions", "organizations", "payments"];
  // u_0 has 100,000 rows: the newest 50 unread plus every 997th older one, every 10th archived
  // (read history dominates a real inbox). u_1 has 100,000 rows and archives nearly all of them
  // (100 kept). 900,000 more rows belong to 998 other users, 90% of them read.
  await client.query(
    `INSERT INTO "Notification" (id, "userId", "eventId", type, category, title, body, reason, "createdAt", "readAt", "archivedAt")
     SELECT gen_random_uuid()::text,
            CASE WHEN g <= 100000 THEN 'u_0' WHEN g <= 200000 THEN 'u_1' ELSE 'u_' || (2 + g % 998) END,
            'ev_1', 'order.completed', ($1::text[])[1 + g % 7], 'Title ' || g, 'Body', 'Reason',
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

  const {
    rows: [mid],
  } = await client.query(
    `SELECT "createdAt" AT TIME ZONE 'UTC' AS "createdAt", id FROM "Notification" WHERE "userId" = 'u_0' ORDER BY "createdAt" DESC, id DESC OFFSET 50000 LIMIT 1`,
  );
  const deep = mid as CursorPosition;
  // The inbox's own queries (lib/notifications/inbox.ts), as it sends them.
  const queries: Record<string, Query> = {
    "all, first page": inboxPageQuery("u_0", "all", undefined, null, 21),
    "all, page at row 50,000 (cursor)": inboxPageQuery("u_0", "all", undefined, deep, 21),
    "unread, first page (few unread in 100k)": inboxPageQuery("u_0", "unread", undefined, null, 21),
    "unread, second page (cursor)": inboxPageQuery("u_0", "unread", undefined, deep, 21),
    "archived, first page": inboxPageQuery("u_0", "archived", undefined, null, 21),
    "archived, deep cursor": inboxPageQuery("u_0", "archived", undefined, deep, 21),
    "category quotes, first page": inboxPageQuery("u_0", "all", "quotes", null, 21),
    "category quotes, deep cursor": inboxPageQuery("u_0", "all", "quotes", deep, 21),
    "unread in category quotes": inboxPageQuery("u_0", "unread", "quotes", null, 21),
    "snoozed, first page": inboxPageQuery("u_0", "snoozed", undefined, null, 21),
    "archiver (u_1, 99.9% archived): all, first page": inboxPageQuery("u_1", "all", undefined, null, 21),
    "archiver (u_1): unread, first page": inboxPageQuery("u_1", "unread", undefined, null, 21),
    "unread count": unreadCountQuery("u_0"),
    "unread count in category": unreadCountQuery("u_0", "quotes"),
    "mark all read (rows to update)": {
      statement: sql`SELECT id FROM "Notification" WHERE "userId" = 'u_0' AND "readAt" IS NULL AND "archivedAt" IS NULL AND "snoozedUntil" IS NULL`,
      name: "",
    },
  };
  console.log("\n## With the inbox indexes (migration lean_notifications)");
  for (const [name, { statement }] of Object.entries(queries)) {
    await client.query(statement.text, statement.values); // warm
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement.text}`, statement.values);
    console.log(`\n### ${name}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
} finally {
  await client.end();
  await database.drop();
}
