// `npm run worker`: the email worker alone, e.g. as its own process when the app is scaled out.
// It shares the queue with the workers inside the app servers through Postgres.
import { disconnectDb } from "@/lib/db";
import { createEmailWorker } from "@/lib/email/worker";
import { openDatabase } from "@/lib/server/database";
import { loadConfiguration } from "@/lib/server/local-config";
import { onShutdownSignal } from "@/lib/server/shutdown";

loadConfiguration();
const database = await openDatabase();
const worker = createEmailWorker();
await worker.start();

onShutdownSignal(async (signal) => {
  console.log(`[email] ${signal}: finishing the emails in flight`);
  await worker.stop();
  await disconnectDb();
  await database.stop();
});
