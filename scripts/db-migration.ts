// `npm run db:migration -- <name>`: writes a migration for the changes made to prisma/schema.prisma.
import { createMigration } from "@/lib/db/schema-engine";
import { openDatabase } from "@/lib/server/database";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/i.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (letters, digits and underscores)");
  process.exit(1);
}
const database = await openDatabase();
try {
  const dir = await createMigration(name, database.url);
  console.log(
    dir
      ? `Created ${dir}/migration.sql: review it, then run npm run db:migrate.`
      : "No changes in prisma/schema.prisma.",
  );
} finally {
  await database.stop();
}
