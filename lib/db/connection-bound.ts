// How many Postgres connections one instance may hold at most, and where they go (README:
// Deployment). Each long-lived connection has one purpose and is kept up by lib/db/listener.ts,
// which never holds more than one client at a time.

/** The shared pool (Prisma and the hot-path statements). */
export const POOL_MAX = 20;
/** The Socket.IO Postgres adapter's pool for NOTIFYs (none with REDIS_URL). */
export const ADAPTER_POOL_MAX = 3;
/** LISTEN connections: cache invalidation, email wake-ups, the Socket.IO adapter (not with REDIS_URL). */
const LISTENERS = 3;

/** The bound: 26 with the Postgres adapter, 22 with Redis. */
export const CONNECTIONS_PER_INSTANCE = POOL_MAX + ADAPTER_POOL_MAX + LISTENERS;
