// The durable queues' workers, email (with digests) and webhooks, as one unit: what `npm run
// worker` runs, and what the app server runs in its queue thread (lib/server/queue-thread.ts).
import { closeSharedRenderPool } from "@/lib/email/render-pool";
import { createEmailWorker } from "@/lib/email/worker";
import { createWebhookWorker } from "@/lib/webhooks/worker";

export interface QueueWorkerChoice {
  email?: boolean;
  webhooks?: boolean;
}

export async function startQueueWorkers(choice: QueueWorkerChoice = {}) {
  const email = choice.email === false ? undefined : createEmailWorker();
  await email?.start();
  const webhooks = choice.webhooks === false ? undefined : createWebhookWorker();
  await webhooks?.start();
  let stopped: Promise<void> | undefined;
  return {
    /** Takes no new job, finishes the ones in flight, then lets the renders under way end. */
    stop: () =>
      (stopped ??= (async () => {
        await Promise.all([email?.stop(), webhooks?.stop()]);
        await closeSharedRenderPool();
      })()),
  };
}
