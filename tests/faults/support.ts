// What the fault tests share: a fresh database with a small directory and an API key, the
// production server as its own process (started, signalled, killed), and a platform client that
// keeps sending events the way the platform does (retrying until acknowledged).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { request as httpRequest, Agent } from "node:http";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { createFreshDatabase, type FreshDatabase } from "../support/database";
import { freePort } from "../support/instances";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const AUTH_SECRET = "fault-test-secret-0123456789abcdefghij";

interface FaultDatabase extends FreshDatabase {
  name: string;
  apiKey: string;
  /** Connections to this database right now, from pg_stat_activity (seen from another database). */
  connections(): Promise<number>;
  query<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
}

/** A fresh database with one customer, one user (u_quiet) and a platform API key. */
export async function createFaultDatabase(prefix: string): Promise<FaultDatabase> {
  const database = await createFreshDatabase(prefix);
  const name = new URL(database.url).pathname.slice(1);
  const apiKey = `nck_${randomBytes(32).toString("base64url")}`;
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  // An idle connection ended by the server (a forced drop, an administrator) must not crash the run.
  pool.on("error", () => {});
  await pool.query(
    `INSERT INTO "Organization" (id, name, kind, "updatedAt") VALUES ('cust_quiet', 'Quiet Customer', 'customer', now())`,
  );
  await pool.query(
    `INSERT INTO "User" (id, email, name, "organizationId", role, "updatedAt")
     VALUES ('u_quiet', 'quiet@quiet.example', 'Quinn Quiet', 'cust_quiet', 'admin', now())`,
  );
  await pool.query(
    `INSERT INTO "ApiKey" (id, name, prefix, hash, scopes) VALUES (gen_random_uuid()::text, 'faults', $1, $2, '{events}')`,
    [apiKey.slice(0, 12), createHash("sha256").update(apiKey).digest("hex")],
  );
  // Counted from the server's maintenance database: our own checks never count themselves.
  const admin = new URL(database.url);
  admin.pathname = "/postgres";
  const monitor = new pg.Pool({ connectionString: admin.toString(), max: 1 });
  monitor.on("error", () => {});
  return {
    ...database,
    name,
    apiKey,
    async connections() {
      const { rows } = await monitor.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
        [name],
      );
      return rows[0]!.n;
    },
    async query(text, values) {
      return (await pool.query(text, values)).rows;
    },
    async drop() {
      await pool.end();
      await monitor.end();
      await database.drop();
    },
  };
}

/** The session cookie of a user, as NextAuth would set it after sign-in. */
export async function sessionCookie(user: { id: string; email: string; name: string }) {
  const token = await encode({
    token: {
      sub: user.id,
      uid: user.id,
      email: user.email,
      name: user.name,
      organizationId: "cust_quiet",
      role: "admin",
    },
    secret: AUTH_SECRET,
  });
  return `next-auth.session-token=${token}`;
}

interface ServerProcess {
  port: number;
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** `npm start` as a deploy runs it (the production build, tsx server.ts), on its own port. */
export async function startServerProcess(options: {
  databaseUrl: string;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      AUTH_SECRET,
      EMAIL_DISABLED: "true",
      SEED_DEMO_DATA: "false",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const status = await fetch(`${url}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start (exit ${child.exitCode}):\n${output.slice(-3000)}`);
    }
    await sleep(200);
  }
  return {
    port,
    url,
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    },
  };
}

interface PostResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request; `agent` reuses a keep-alive connection. Network errors reject. */
export function post(
  url: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
  agent?: Agent,
): Promise<PostResult> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      `${url}${path}`,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers },
      },
      (response) => {
        let data = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (data += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: data }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(text);
  });
}

let counter = 0;
/** An event for u_quiet with a unique id. */
export function quietEvent(prefix = "evt") {
  return {
    id: `${prefix}_${Date.now().toString(36)}_${++counter}`,
    type: "payment.currency_reset",
    occurredAt: new Date().toISOString(),
    organizationId: "cust_quiet",
    recipients: { userIds: ["u_quiet"] },
    data: { previousCurrency: "USD", currency: "EUR", effectiveFrom: "2026-12-01" },
  };
}
