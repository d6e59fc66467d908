// Cache invalidation across instances: a change is announced in this process at once and to the
// other instances through Postgres NOTIFY (each listens in startBackgroundServices). Caches
// register what to drop per topic; a missed notice is bounded by each cache's own lifetime.
import { db, sql } from "@/lib/db";
import { createPgListener } from "@/lib/db/listener";

export type CacheTopic =
  "directory" | "users" | "organization-preferences" | "api-keys" | "recipient-rules" | "sessions";

/** The Postgres NOTIFY channel the instances announce changes on. */
export const CHANNEL = "nc_cache_invalidate";
type Listener = () => void;

// On globalThis: Next bundles route handlers apart from server.ts, and both must share the list.
const holder = globalThis as unknown as { __cacheListeners?: Map<CacheTopic, Set<Listener>> };
const listeners: Map<CacheTopic, Set<Listener>> = (holder.__cacheListeners ??= new Map());

/** Registers a listener; returns the function that removes it. */
export function onInvalidate(topic: CacheTopic, listener: Listener): () => void {
  const set = listeners.get(topic) ?? new Set();
  set.add(listener);
  listeners.set(topic, set);
  return () => set.delete(listener);
}

function dispatch(topic: string) {
  listeners.get(topic as CacheTopic)?.forEach((listener) => listener());
}

/**
 * Drops cached data of this topic here (at once) and on every other instance. Call after the
 * commit. Awaiting is optional: it waits until the notice is sent (a script about to exit must).
 */
export function invalidate(topic: CacheTopic): Promise<void> {
  dispatch(topic);
  return db.$executeRaw(sql`SELECT pg_notify(${CHANNEL}, ${topic})`).then(
    () => {},
    (error: unknown) => console.error("cache invalidation notice failed", error),
  );
}

/**
 * Listens for other instances' notices until stop() is called, on one connection kept up through
 * outages (lib/db/listener.ts). Notices may be missed while it is down, so every cache is dropped
 * when the connection is lost and again once listening (caches may have refilled meanwhile).
 */
export function listenForInvalidations(connectionString: string) {
  const dropAll = () => listeners.forEach((_set, topic) => dispatch(topic));
  const listener = createPgListener({
    connectionString,
    channels: [CHANNEL],
    name: "cache invalidation",
    onNotification: (_channel, payload) => payload && dispatch(payload),
    onListening: (reconnected) => reconnected && dropAll(),
    onLost: dropAll,
  });
  return { started: listener.ready, listening: listener.listening, stop: listener.stop };
}
