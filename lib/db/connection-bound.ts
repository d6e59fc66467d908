// How many Postgres connections one instance may hold at most, and where they go (README:
// Deployment). Each long-lived connection has one purpose and is kept up by lib/db/listener.ts,
// which never holds more than one client at a time.

/** The shared pool (Prisma and the hot-path statements). */
export const POOL_MAX = 20;
/** The queue thread's own pool (lib/server/queue-thread.ts: the email and webhook workers). */
export const QUEUE_THREAD_POOL_MAX = 5;
/** The Socket.IO Postgres adapter's pool for NOTIFYs (none with REDIS_URL). */
export const ADAPTER_POOL_MAX = 3;
/** LISTEN connections: cache invalidation, email and webhook wake-ups, the Socket.IO adapter (not with REDIS_URL). */
const LISTENERS = 4;

/** The bound: 32 with the Postgres adapter, 28 with Redis. */
export const CONNECTIONS_PER_INSTANCE = POOL_MAX + QUEUE_THREAD_POOL_MAX + ADAPTER_POOL_MAX + LISTENERS;
