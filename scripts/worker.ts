// `npm run worker`: the email and webhook workers alone, e.g. as their own process when the app is
// scaled out. They share their queues with the workers inside the app servers through Postgres.
import { disconnectDb } from "@/lib/db";
import { openDatabase } from "@/lib/server/database";
import { loadConfiguration } from "@/lib/server/local-config";
import { startQueueWorkers } from "@/lib/server/queue-workers";
import { onShutdownSignal } from "@/lib/server/shutdown";

loadConfiguration();
const database = await openDatabase();
const workers = await startQueueWorkers();

onShutdownSignal(async (signal) => {
  console.log(`[email] ${signal}: finishing the emails and webhooks in flight`);
  await workers.stop();
  await disconnectDb();
  await database.stop();
});
