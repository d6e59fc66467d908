// Work that runs beside the HTTP server: the Socket.IO cross-instance adapter, the cache
// invalidation listener, the sweepers, and the email and webhook workers (in the queue thread).
import type { RealtimeServer } from "@/lib/realtime/emit";
import { env, requiredDatabaseUrl, type Env } from "@/lib/env";
import { attachSocketAdapter } from "@/lib/server/socket-adapter";
import { startQueueThread } from "@/lib/server/queue-thread";
import { startQueueWorkers } from "@/lib/server/queue-workers";
import { listenForInvalidations } from "@/lib/cache/invalidation";
import { startPublicationSweeper } from "@/lib/notifications/publish-sweeper";
import { startSnoozeSweeper } from "@/lib/notifications/snooze";
import { registerScrapeSources } from "@/lib/observability/sources";
import { setSocketAdapter } from "@/lib/server/readiness";
import { sweepThrottles } from "@/lib/throttle";

/** `config` defaults to the validated environment; tests pass their own (e.g. a Redis URL). */
export async function startBackgroundServices(
  io: RealtimeServer,
  config: Pick<Env, "REDIS_URL"> = env(),
  options: {
    emailWorker?: boolean;
    webhookWorker?: boolean;
    publicationSweeper?: boolean;
    snoozeSweeper?: boolean;
  } = {},
) {
  // The database openDatabase() resolved (env() reads it anew once it is set).
  const databaseUrl = requiredDatabaseUrl();
  const adapter = await attachSocketAdapter(io, { databaseUrl, redisUrl: config.REDIS_URL });
  setSocketAdapter(adapter.kind);
  const unregisterMetrics = registerScrapeSources(io);
  // Other instances' directory and settings changes drop this instance's caches.
  const invalidations = listenForInvalidations(databaseUrl);
  // The email and webhook workers run in every instance by default, in a thread of their own
  // (QUEUE_THREAD=false: on this one, for ~120 MB less memory); the queues are shared through
  // Postgres (never a job sent twice at once).
  const choice = { email: options.emailWorker !== false, webhooks: options.webhookWorker !== false };
  const { QUEUE_THREAD, QUEUE_THREAD_NICE, QUEUE_YIELD_ELU, QUEUE_YIELD_MAX_MS } = env();
  const yieldPolicy = { threshold: QUEUE_YIELD_ELU, maxWaitMs: QUEUE_YIELD_MAX_MS };
  const workers = !(choice.email || choice.webhooks)
    ? undefined
    : QUEUE_THREAD
      ? await startQueueThread({ ...choice, nice: QUEUE_THREAD_NICE, yieldPolicy })
      : await startQueueWorkers(choice);
  // Pushes the notifications of events whose instance died between commit and push.
  const sweeper = options.publicationSweeper === false ? undefined : startPublicationSweeper();
  // Brings snoozed notifications back on time (any instance, each once).
  const snoozes = options.snoozeSweeper === false ? undefined : startSnoozeSweeper();
  // Expired rate-limit counters (lib/throttle.ts) are reused by the next hit; this keeps the rest few.
  const throttleSweeper = setInterval(() => void sweepThrottles().catch(() => {}), 10 * 60_000);
  throttleSweeper.unref();
  const stopWorkers = async () => await workers?.stop();
  return {
    adapter: adapter.kind,
    /** The email and webhook workers take no new job and finish the ones in flight (also part of stop()). */
    stopWorkers,
    stop: async () => {
      clearInterval(throttleSweeper);
      await sweeper?.stop();
      await snoozes?.stop();
      unregisterMetrics();
      await stopWorkers();
      await invalidations.stop();
      await adapter.close();
    },
  };
}
