// Work that runs beside the HTTP server: the Socket.IO cross-instance adapter, the cache
// invalidation listener, the email worker and the webhook worker.
import type { RealtimeServer } from "@/lib/realtime/emit";
import { env, requiredDatabaseUrl, type Env } from "@/lib/env";
import { attachSocketAdapter } from "@/lib/server/socket-adapter";
import { closeSharedRenderPool } from "@/lib/email/render-pool";
import { createEmailWorker } from "@/lib/email/worker";
import { createWebhookWorker } from "@/lib/webhooks/worker";
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
  // The email worker runs in every instance by default; the queue is shared through Postgres.
  const emailWorker = options.emailWorker === false ? undefined : createEmailWorker();
  await emailWorker?.start();
  // Likewise the webhook worker: messages are claimed from Postgres, never sent twice at once.
  const webhookWorker = options.webhookWorker === false ? undefined : createWebhookWorker();
  await webhookWorker?.start();
  // Pushes the notifications of events whose instance died between commit and push.
  const sweeper = options.publicationSweeper === false ? undefined : startPublicationSweeper();
  // Brings snoozed notifications back on time (any instance, each once).
  const snoozes = options.snoozeSweeper === false ? undefined : startSnoozeSweeper();
  // Expired rate-limit counters (lib/throttle.ts) are reused by the next hit; this keeps the rest few.
  const throttleSweeper = setInterval(() => void sweepThrottles().catch(() => {}), 10 * 60_000);
  throttleSweeper.unref();
  let workersStopped: Promise<unknown> | undefined;
  const stopWorkers = async () =>
    void (await (workersStopped ??= Promise.all([emailWorker?.stop(), webhookWorker?.stop()])));
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
      // The workers waited for their jobs; the pool then lets any render still under way finish.
      await closeSharedRenderPool();
      await invalidations.stop();
      await adapter.close();
    },
  };
}
