// `npm run db:seed`: loads the demo directory (idempotent) into DATABASE_URL or the embedded database.
import { openDatabase } from "@/lib/server/database";
import { disconnectDb } from "@/lib/db";
import { describeDemoAccounts, seedDemoData } from "@/lib/demo/seed";

const database = await openDatabase();
try {
  await seedDemoData();
  console.log(`Demo data loaded. Accounts:\n${describeDemoAccounts()}`);
} finally {
  await disconnectDb();
  await database.stop();
}
