// Cache invalidation across instances: a change is announced in this process at once and to the
// other instances through Postgres NOTIFY (each listens in startBackgroundServices). Caches
// register what to drop per topic; a missed notice is bounded by each cache's own lifetime.
import pg from "pg";
import { db } from "@/lib/db";

export type CacheTopic = "directory" | "users" | "organization-preferences";

/** The Postgres NOTIFY channel the instances announce changes on. */
export const CHANNEL = "nc_cache_invalidate";
type Listener = () => void;

// On globalThis: Next bundles route handlers apart from server.ts, and both must share the list.
const holder = globalThis as unknown as { __cacheListeners?: Map<CacheTopic, Set<Listener>> };
const listeners: Map<CacheTopic, Set<Listener>> = (holder.__cacheListeners ??= new Map());

export function onInvalidate(topic: CacheTopic, listener: Listener) {
  const set = listeners.get(topic) ?? new Set();
  set.add(listener);
  listeners.set(topic, set);
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
  return db.$executeRawUnsafe(`SELECT pg_notify('${CHANNEL}', $1)`, topic).then(
    () => {},
    (error: unknown) => console.error("cache invalidation notice failed", error),
  );
}

/** Listens for other instances' notices until stop() is called; reconnects when the connection drops. */
export function listenForInvalidations(connectionString: string) {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let connectedBefore = false;
  const dropAll = () => listeners.forEach((_set, topic) => dispatch(topic));
  const connect = async () => {
    client = new pg.Client({ connectionString });
    client.on("notification", (message) => message.payload && dispatch(message.payload));
    const reconnect = () => {
      if (stopped) return;
      // Notices may have been missed while disconnected: drop everything once.
      dropAll();
      retry = setTimeout(() => void connect().catch(reconnect), 1000);
    };
    client.on("error", () => {});
    client.on("end", reconnect);
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    // And again once listening: caches may have refilled during the outage from data changed then.
    if (connectedBefore) dropAll();
    connectedBefore = true;
  };
  const started = connect().catch((error: unknown) => console.error("cache invalidation listener failed", error));
  return {
    started,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
