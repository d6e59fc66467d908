// The one Prisma client, shared through globalThis: Next bundles route handlers separately from
// server.ts, and both must use the same connection pool. The pool itself is exported too, for the
// few hot-path statements (ingest) where Prisma's raw-query layer costs more CPU than the query.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { POOL_MAX } from "@/lib/db/connection-bound";

export type { Prisma } from "@/lib/generated/prisma/client";

const holder = globalThis as unknown as { __prisma?: PrismaClient; __pool?: pg.Pool };

function pool(): pg.Pool {
  if (!holder.__pool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set: start the app through server.ts");
    holder.__pool = new pg.Pool({
      connectionString,
      max: POOL_MAX,
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
 * One SQL statement on the shared pool, without Prisma's layer. Values are parameters, never
 * spliced. A `name` makes it a prepared statement on each connection: parsed and planned once
 * instead of on every call (for the hot statements whose text never changes).
 */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[], name?: string): Promise<T[]> {
  return (await pool().query<T>({ text, values, name })).rows;
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
