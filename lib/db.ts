// The database: the one Prisma client, shared through globalThis (Next bundles route handlers
// separately from server.ts, and both must use the same connection pool), and raw SQL.
//
// THE RULE: use Prisma's query API. Write raw SQL only for what it cannot express (recursive
// chains, FOR UPDATE SKIP LOCKED, set-based writes, pg_notify) and always in ONE way: the `sql`
// tag below (values become parameters, never spliced text; fragments nest), run with
//   db.$queryRaw(statement) / db.$executeRaw(statement)   (tx.… inside a transaction), or
//   query(statement, name)                                 on the pool, without Prisma's layer,
// and the pool only where a measurement says Prisma's raw layer costs too much (`npm run bench`:
// ingest's store and recipients, the inbox, unread counts, email lease renewal). The pool's
// driver parses types itself: select timestamps as timestamptz (`AT TIME ZONE 'UTC'`) and counts
// as ::int. ESLint refuses the *Unsafe variants and tagged $queryRaw`…` calls (eslint.config.mjs).
import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { POOL_MAX } from "@/lib/db/connection-bound";
import { requiredDatabaseUrl } from "@/lib/env";

export type { Prisma } from "@/lib/generated/prisma/client";

/** A raw SQL statement or fragment: sql`SELECT … WHERE id = ${id} AND ${otherFragment}`. */
export const sql = Prisma.sql;
export type Sql = Prisma.Sql;
/** `join(values)` → `$1, $2, …`; `raw(text)` splices trusted constant text (never user input); `empty`. */
export const { join, raw, empty } = Prisma;

const holder = globalThis as unknown as { __prisma?: PrismaClient; __pool?: pg.Pool; __poolMax?: number };

/** Before the first statement: this thread's pool size (the queue thread's is smaller). */
export function setPoolMax(max: number) {
  holder.__poolMax = max;
}

function pool(): pg.Pool {
  if (!holder.__pool) {
    holder.__pool = new pg.Pool({
      connectionString: requiredDatabaseUrl(),
      max: holder.__poolMax ?? POOL_MAX,
      // During an outage a request fails in 5 s at most (503, lib/db/unavailable.ts) instead of
      // queueing for a connection forever; a peer gone silent is noticed by TCP keepalive.
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
    });
    // An idle connection that the server closes (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    holder.__pool.on("error", (error) => console.error(`Postgres connection lost: ${error.message}`));
  }
  return holder.__pool;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    holder.__prisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
    const value = Reflect.get(holder.__prisma, property);
    return typeof value === "function" ? value.bind(holder.__prisma) : value;
  },
});

/**
 * Runs a statement on the shared pool, without Prisma's layer (see the rule above). A `name`
 * makes it a prepared statement on each connection: parsed and planned once instead of on every
 * call; use it only for statements whose text (not values) never changes, one name per text.
 */
export async function query<T extends pg.QueryResultRow>(statement: Sql, name?: string): Promise<T[]> {
  return (await pool().query<T>({ text: statement.text, values: statement.values, name })).rows;
}

/**
 * A Date as the parameter of a `timestamp(3)` column (Prisma's DateTime, stored in UTC without a
 * zone): its UTC wall-clock time, whatever the process's time zone.
 */
export const utcTimestamp = (date: Date) => date.toISOString().replace("Z", "");

/** This instance's pool: connections open, idle, and queries waiting for one (for /metrics). */
export function poolStats() {
  const p = holder.__pool;
  return { total: p?.totalCount ?? 0, idle: p?.idleCount ?? 0, waiting: p?.waitingCount ?? 0 };
}

export async function disconnectDb() {
  await holder.__prisma?.$disconnect();
  await holder.__pool?.end();
  holder.__prisma = undefined;
  holder.__pool = undefined;
}
