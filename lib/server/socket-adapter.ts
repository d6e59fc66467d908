// Cross-instance broadcasts: with several app instances, `emitToUser` on one instance must reach
// the user's sockets on the others. Maintained Socket.IO adapters do that: Redis pub/sub when
// REDIS_URL is set, otherwise Postgres LISTEN/NOTIFY on the database every instance already shares
// (its attachment table for large payloads comes from a Prisma migration).
import { createAdapter as createPostgresAdapter } from "@socket.io/postgres-adapter";
import { createAdapter as createRedisAdapter } from "@socket.io/redis-adapter";
import { EventEmitter } from "node:events";
import pg from "pg";
import { createClient } from "redis";
import type { Adapter } from "socket.io-adapter";
import { ADAPTER_POOL_MAX } from "@/lib/db/connection-bound";
import { createPgListener } from "@/lib/db/listener";
import type { RealtimeServer } from "@/lib/realtime/emit";

interface SocketAdapterHandle {
  kind: "postgres" | "redis";
  close(): Promise<void>;
}

interface SocketAdapterOptions {
  databaseUrl: string;
  redisUrl?: string;
  /** Postgres: how long to publish every broadcast before trusting that no peer exists (default 10 s). */
  peerGraceMs?: number;
}

const logError = (source: string) => (error: unknown) =>
  console.error(`Socket.IO ${source} adapter: ${error instanceof Error ? error.message : String(error)}`);

/** Installs the adapter on `io`; close() releases its connections (call after `io.close()`). */
export async function attachSocketAdapter(
  io: RealtimeServer,
  options: SocketAdapterOptions,
): Promise<SocketAdapterHandle> {
  return options.redisUrl
    ? attachRedis(io, options.redisUrl)
    : attachPostgres(io, options.databaseUrl, options.peerGraceMs ?? 10_000);
}

async function attachPostgres(
  io: RealtimeServer,
  databaseUrl: string,
  peerGraceMs: number,
): Promise<SocketAdapterHandle> {
  // Its own small pool for NOTIFYs, so a burst of broadcasts never waits behind Prisma's queries
  // (or the reverse); a publish during an outage fails in 5 s instead of queueing forever.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: ADAPTER_POOL_MAX,
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
  });
  let closing = false;
  const onError = (error: unknown) => {
    if (!closing) logError("Postgres")(error);
  };
  pool.on("error", onError);
  const listening = withResilientListener(pool, databaseUrl);
  io.adapter(createPostgresAdapter(listening.pool, { errorHandler: onError }));
  publishOnlyWithPeers(io.of("/").adapter, peerGraceMs);
  return {
    kind: "postgres",
    async close() {
      closing = true;
      // Idempotent: releases the LISTEN connection and timers if `io.close()` has not already.
      await io.of("/").adapter.close();
      await listening.stop();
      await pool.end();
    },
  };
}

/**
 * The adapter takes one client from the pool for LISTEN and reconnects it by itself, in ways that
 * do not survive an outage: a lost client is never released (the pool runs dry after a few), a
 * LISTEN that fails schedules two reconnections, and an error on that client is uncaught. So it
 * gets a stand-in client instead, backed by our resilient listener (lib/db/listener.ts), which
 * never "ends": connection, backoff and closing are ours, publishing stays the adapter's.
 */
function withResilientListener(pool: pg.Pool, connectionString: string) {
  const client = new EventEmitter() as EventEmitter & { query(text: string): Promise<unknown>; release(): void };
  const listener = createPgListener({
    connectionString,
    channels: [],
    name: "Socket.IO adapter",
    onNotification: (channel, payload) => client.emit("notification", { channel, payload }),
  });
  client.query = async (text: string) => {
    const channel = /^LISTEN "(.+)"$/.exec(text)?.[1];
    if (!channel) throw new Error(`unexpected query on the LISTEN client: ${text}`);
    await listener.addChannel(channel);
    return { rows: [] };
  };
  client.release = () => void listener.stop();
  const facade = new Proxy(pool, {
    get(target, property) {
      if (property === "connect") return async () => client;
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { pool: facade, stop: () => listener.stop() };
}

/**
 * The Postgres adapter sends every broadcast through a NOTIFY round trip and delivers to local
 * sockets only after it: a 10,000-recipient fan-out waits for 20,000 NOTIFYs even on a single
 * instance. When no other instance exists there is no one to tell, so deliver locally (the
 * `local` flag) and skip the round trip. "No other instance" is what the adapter's heartbeats say
 * (every 5 s; a new instance announces itself at once) — trusted only after a grace period, since
 * our own LISTEN connection starts asynchronously and may miss the first announcements.
 */
function publishOnlyWithPeers(adapter: Adapter, graceMs: number) {
  const trustFrom = Date.now() + graceMs;
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = async (packet, options) => {
    const alone = Date.now() >= trustFrom && (await adapter.serverCount()) <= 1;
    return broadcast(packet, alone ? { ...options, flags: { ...options.flags, local: true } } : options);
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
