// Cross-instance broadcasts: with several app instances, `emitToUser` on one instance must reach
// the user's sockets on the others. Maintained Socket.IO adapters do that: Redis pub/sub when
// REDIS_URL is set, otherwise Postgres LISTEN/NOTIFY on the database every instance already shares
// (its attachment table for large payloads comes from a Prisma migration).
import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import pg from "pg";
import { createClient } from "redis";
import type { RealtimeServer } from "@/lib/realtime/emit";

export interface SocketAdapterHandle {
  kind: "postgres" | "redis";
  close(): Promise<void>;
}

export interface SocketAdapterOptions {
  databaseUrl: string;
  redisUrl?: string;
}

const logError = (source: string) => (error: unknown) =>
  console.error(`Socket.IO ${source} adapter: ${error instanceof Error ? error.message : String(error)}`);

/** Installs the adapter on `io`; close() releases its connections (call after `io.close()`). */
export async function attachSocketAdapter(io: RealtimeServer, options: SocketAdapterOptions): Promise<SocketAdapterHandle> {
  return options.redisUrl ? attachRedis(io, options.redisUrl) : attachPostgres(io, options.databaseUrl);
}

async function attachPostgres(io: RealtimeServer, databaseUrl: string): Promise<SocketAdapterHandle> {
  // Its own small pool: one connection stays checked out for LISTEN, the others publish NOTIFYs,
  // so a burst of broadcasts never waits behind Prisma's queries (or the reverse).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  let closing = false;
  const onError = (error: unknown) => {
    if (!closing) logError("Postgres")(error);
  };
  pool.on("error", onError);
  io.adapter(createPostgresAdapter(pool, { errorHandler: onError }));
  return {
    kind: "postgres",
    async close() {
      closing = true;
      // Idempotent: releases the LISTEN connection and timers if `io.close()` has not already.
      await io.of("/").adapter.close();
      await pool.end();
    },
  };
}

async function attachRedis(io: RealtimeServer, redisUrl: string): Promise<SocketAdapterHandle> {
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  let closing = false;
  const onError = (error: unknown) => {
    if (!closing) logError("Redis")(error);
  };
  // node-redis reconnects by itself; without a listener an "error" event would crash the process.
  pub.on("error", onError);
  sub.on("error", onError);
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createRedisAdapter(pub, sub));
  return {
    kind: "redis",
    async close() {
      closing = true;
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}
