// Prisma's own schema engine, in its WebAssembly build: the native binary cannot be downloaded
// on our machines. Used by the migration scripts and at start-up; never bundled by Next.
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const root = process.cwd();
const schemaPath = path.join(root, "prisma/schema.prisma");
const migrationsDir = path.join(root, "prisma/migrations");
// The datamodel as of the newest migration: the WebAssembly engine cannot describe a live
// database, so a new migration is the diff between this snapshot and schema.prisma.
const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");
const noFilters = { externalTables: [], externalEnums: [] };

let instantiated = false;
function instantiate() {
  if (instantiated) return;
  const dir = path.dirname(createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm"));
  const wasmModule = new WebAssembly.Module(readFileSync(path.join(dir, "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bindings as never });
  const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start(): void };
  bindings.__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  instantiated = true;
}

async function withEngine<T>(connectionString: string, run: (engine: SchemaEngine) => Promise<T>) {
  instantiate();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }) as never);
  const log = () => {};
  const engine = await (bindings.SchemaEngine as unknown as typeof SchemaEngine).new(
    { datamodels: undefined },
    log,
    adapter,
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

function migrationList(): MigrationList {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies pending migrations; returns the names of those applied. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  try {
    return await withEngine(connectionString, async (engine) => {
      const out = await engine.applyMigrations({ migrationsList: migrationList(), filters: noFilters });
      return out.appliedMigrationNames;
    });
  } catch (error) {
    // The engine's errors carry a Rust backtrace; keep the lines a person can act on.
    const message = String((error as Error).message ?? error)
      .split("\n")
      .filter((line) => line.trim() && !/^\s+(\d+:|at )/.test(line))
      .join("\n");
    throw new Error(`Could not apply migrations: ${message}`);
  }
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the change to schema.prisma. */
export async function createMigration(name: string, connectionString: string): Promise<string | null> {
  const schema = readFileSync(schemaPath, "utf8");
  const from = existsSync(snapshotPath)
    ? { tag: "schemaDatamodel" as const, files: [{ path: snapshotPath, content: readFileSync(snapshotPath, "utf8") }] }
    : { tag: "empty" as const };
  const to = { tag: "schemaDatamodel" as const, files: [{ path: schemaPath, content: schema }] };
  // A diff between two datamodels reads no database, but the engine connects when it is built.
  const sql = await withEngine(connectionString, async (engine) => {
    const out = await engine.diff({ from, to, script: true, exitCode: null, filters: noFilters });
    return out.stdout ?? "";
  });
  if (!sql.trim() || sql.includes("This is an empty migration")) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name.replace(/\W+/g, "_")}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  writeFileSync(snapshotPath, schema);
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lockPath)) writeFileSync(lockPath, 'provider = "postgresql"\n');
  return dir;
}
