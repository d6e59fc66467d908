// Rate-limit counters shared by every instance, in Postgres (table "Throttle"): one row per key
// holds the count of the current fixed window. Each hit is one atomic upsert, so concurrent
// attempts, on one instance or many, can never pass more than the limit between them.
import { db, sql } from "@/lib/db";

interface ThrottleResult {
  ok: boolean;
  count: number;
  retryAfterSeconds: number;
  /** Milliseconds until the window ends, as the database counts them. */
  resetInMs: number;
}

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

// Times in UTC: the column is a timestamp without time zone, as Prisma writes it.
const NOW = sql`(now() AT TIME ZONE 'UTC')`;

/** Counts `amount` hits on `key` and says whether the count is still within the limit. */
export async function throttleHit(key: string, rule: ThrottleRule, amount = 1): Promise<ThrottleResult> {
  const [row] = await db.$queryRaw<{ count: number; resetInMs: number }[]>(
    sql`INSERT INTO "Throttle" (key, count, "resetAt")
        VALUES (${key}, ${amount}::int, ${NOW} + ${rule.windowMs}::float8 * interval '1 millisecond')
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN "Throttle"."resetAt" <= ${NOW} THEN EXCLUDED.count ELSE "Throttle".count + EXCLUDED.count END,
          "resetAt" = CASE WHEN "Throttle"."resetAt" <= ${NOW} THEN EXCLUDED."resetAt" ELSE "Throttle"."resetAt" END
        RETURNING count, (extract(epoch FROM "resetAt" - ${NOW}) * 1000)::float8 AS "resetInMs"`,
  );
  const count = row?.count ?? amount;
  const resetInMs = Math.max(0, row?.resetInMs ?? rule.windowMs);
  return { ok: count <= rule.limit, count, retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000)), resetInMs };
}

/** Takes back one hit (an attempt that turned out fine must not count against the caller). */
export async function throttleRefund(key: string) {
  await db.$executeRaw(sql`UPDATE "Throttle" SET count = count - 1 WHERE key = ${key} AND count > 0`);
}

/** Drops expired counters; called now and then so the table stays small. */
export async function sweepThrottles() {
  await db.$executeRaw(sql`DELETE FROM "Throttle" WHERE "resetAt" < ${NOW}`);
}
