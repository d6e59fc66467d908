// `npm run worker`: the email and webhook workers alone, e.g. as their own process when the app is
// scaled out. They share their queues with the workers inside the app servers through Postgres.
import { disconnectDb } from "@/lib/db";
import { closeSharedRenderPool } from "@/lib/email/render-pool";
import { createEmailWorker } from "@/lib/email/worker";
import { createWebhookWorker } from "@/lib/webhooks/worker";
import { openDatabase } from "@/lib/server/database";
import { loadConfiguration } from "@/lib/server/local-config";
import { onShutdownSignal } from "@/lib/server/shutdown";

loadConfiguration();
const database = await openDatabase();
const worker = createEmailWorker();
await worker.start();
const webhookWorker = createWebhookWorker();
await webhookWorker.start();

onShutdownSignal(async (signal) => {
  console.log(`[email] ${signal}: finishing the emails and webhooks in flight`);
  await Promise.all([worker.stop(), webhookWorker.stop()]);
  await closeSharedRenderPool();
  await disconnectDb();
  await database.stop();
});
