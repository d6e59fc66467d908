// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { openDatabase } from "@/lib/server/database";

const database = await openDatabase();
console.log("Database is up to date.");
await database.stop();
