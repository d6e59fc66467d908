// `npm run admin:create -- --email <address> [--name <name>] [--link]`: creates a platform admin.
// The password is asked for (hidden, twice) on a terminal, or read from the first line of stdin;
// with --link no password is set and a one-time sign-in link (10 minutes) is printed instead.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createPlatformAdmin, MIN_ADMIN_PASSWORD_LENGTH } from "@/lib/auth/admin-accounts";
import { createSignInLink } from "@/lib/auth/sign-in-links";
import { disconnectDb } from "@/lib/db";
import { openDatabase } from "@/lib/server/database";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { email: { type: "string" }, name: { type: "string" }, link: { type: "boolean", default: false } },
});

// Piped input is read at once, before anything else can consume it.
const piped = !values.link && !process.stdin.isTTY ? readFileSync(0, "utf8").split(/\r?\n/)[0] : undefined;

/** One line from a terminal without echoing it, or the first line of piped input. */
function readSecret(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (piped !== undefined) return Promise.resolve(piped);
  process.stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  let secret = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") {
          stdin.off("data", onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stdout.write("\n");
          return resolve(secret);
        }
        if (char === "\u0003") return reject(new Error("Cancelled."));
        secret = char === "\u007f" || char === "\b" ? secret.slice(0, -1) : secret + char;
      }
    };
    stdin.on("data", onData);
  });
}

const database = await openDatabase();
try {
  if (!values.email) throw new Error("Usage: npm run admin:create -- --email <address> [--name <name>] [--link]");
  let password: string | undefined;
  if (!values.link) {
    password = await readSecret(`Password for ${values.email} (at least ${MIN_ADMIN_PASSWORD_LENGTH} characters): `);
    if (process.stdin.isTTY && (await readSecret("Again: ")) !== password) throw new Error("The passwords differ.");
  }
  const admin = await createPlatformAdmin({ email: values.email, name: values.name, password });
  console.log(`Platform admin ${admin.email} (id ${admin.id}) is ready.`);
  if (values.link) {
    const link = await createSignInLink(admin.id);
    console.log(`One-time sign-in link, valid until ${link.expiresAt.toISOString()}:`);
    console.log(link.url);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await disconnectDb();
  await database.stop();
  // As scripts/apikey.ts: exit now rather than wait for the migration engine's idle pool.
  process.exit(process.exitCode ?? 0);
}
