// `npm run bench [-- --quick] [--no-email] [--rebuild | --no-build] [--profile]` (`-- --help`): the
// production server on a fresh database, its own directory, real Socket.IO clients, HTTP load from
// autocannon, and email on through the real Resend SDK to a local fake Resend; prints every
// measurement next to a baseline measured in the same run, and writes the JSON to bench/results/.
// It reports; it never fails on a number.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import pg from "pg";
import { createFreshDatabase } from "../tests/support/database";
import { startFakeResendProcess, type FakeResendProcess } from "./fake-resend-process";
import { defaultRenderThreads } from "@/lib/email/render-pool";
import { routeExists, type Bench } from "./context";
import { createDirectory } from "./directory";
import { fanoutRows, insertFanout, ruleFanoutRows } from "./fanout";
import { ingestSection } from "./ingest";
import { batchSection } from "./batch";
import { emailSection } from "./email";
import { digestSection } from "./digest";
import { settleQueue } from "./email-queue";
import { parseOptions } from "./options";
import { inboxSection } from "./inbox";
import { webhookSection } from "./webhooks";
import { memoryRows } from "./memory";
import { appRealtime, bareRealtime, type RealtimeResults } from "./realtime";
import { ensureBuild, startAppServer, type AppServer } from "./server";
import { fullSizes, quickSizes } from "./sizes";
import { printTable, type Metric, type Row } from "./stats";

const options = parseOptions(process.argv.slice(2));
if ("exit" in options) {
  (options.exit === 0 ? console.log : console.error)(options.message);
  process.exit(options.exit);
}
const quick = options.quick;
const sizes = quick ? quickSizes : fullSizes;
const port = Number(process.env.BENCH_PORT ?? 3199);
const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";
const began = Date.now();
const withEmail = options.email;
const log = (message: string) => console.log(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${message}`);

/** Runs one part; a crash becomes a row that says so instead of ending the run. */
async function attempt<T>(rows: Row[], section: string, label: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    log(`${section} ${label} failed: ${error instanceof Error ? error.stack : String(error)}`);
    rows.push({ section, label, result: `error: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
}

async function measure(bench: Bench) {
  const rows: Row[] = [];
  const app: RealtimeResults = { rss: new Map() };
  const bare: RealtimeResults = { rss: new Map() };
  // Sockets first, on a freshly started server: its memory is not yet inflated by the load tests.
  await attempt(rows, "5", "app sockets", () => appRealtime(bench, app));
  // The app's mail must not drain while the bare server is measured on the same cores.
  if (bench.email) await settleQueue(bench, 0);
  await attempt(rows, "5", "bare Socket.IO server", () => bareRealtime(bench, port + 1, bare));
  rows.push(...((await attempt(rows, "1", "ingest", () => ingestSection(bench))) ?? []));
  rows.push(...((await attempt(rows, "2", "batch", () => batchSection(bench))) ?? []));
  let insert: Metric | undefined;
  if (app.fanout)
    insert = await attempt(rows, "2", "fan-out INSERT", () =>
      insertFanout(bench, app.fanout!.eventIds[0]!, sizes.fanoutRepeats),
    );
  const inbox = await attempt(rows, "4", "inbox", () => inboxSection(bench));

  if (app.fanout !== undefined)
    rows.push(...fanoutRows(bench.directory.users.length, app.fanout, insert ?? null, bare.bareFanout ?? null));
  if (app.ruleFanout !== undefined)
    rows.push(...ruleFanoutRows(bench.directory.users.length, app.fanout ?? null, app.ruleFanout));
  if (app.delivery) {
    const label = `ingest → notification:new, ${sizes.e2eSockets.toLocaleString("en-US")} sockets at ${sizes.e2eRate} events/s`;
    const baseline = bare.delivery ? { label: "bare Socket.IO", metric: bare.delivery } : undefined;
    const during = bench.email ? `, while a ${sizes.emailBacklog.toLocaleString("en-US")}-email backlog drains` : "";
    const target = bench.email ? "p99 ≤ 50 ms and ≤ bare p99 + 20 ms" : "p99 ≤ 50 ms";
    rows.push({ section: "3", label: `${label}${during}`, result: app.delivery, baseline, target });
  }
  rows.push(...(inbox?.rows ?? []), ...memoryRows(app.rss, bare.rss));
  if (bench.email) rows.push(...((await attempt(rows, "6", "email", () => emailSection(bench, bench.email!))) ?? []));
  if (bench.email)
    rows.push(...((await attempt(rows, "8", "digests", () => digestSection(bench, bench.email!))) ?? []));
  // Webhooks last, with no mail left draining from the sections before.
  if (bench.email) await settleQueue(bench, 0);
  rows.push(...((await attempt(rows, "7", "webhooks", () => webhookSection(bench))) ?? []));
  return { rows, plans: inbox?.plans ?? {} };
}

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
console.log(
  `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB; Node ${machine.node}; ${quick ? "quick" : "full"} run`,
);
const build = ensureBuild(distDir, options.build);
if (build.built) log(`built in ${build.seconds.toFixed(0)} s`);

const database = await createFreshDatabase("nc_bench");
const pool = new pg.Pool({ connectionString: database.url, max: 8 });
let server: AppServer | undefined;
// Email on: the server sends through the real Resend SDK to this fake (lean: counts, no bodies).
const fake: FakeResendProcess | undefined = withEmail ? await startFakeResendProcess() : undefined;
let result: Awaited<ReturnType<typeof measure>>;
let postgres = "";
try {
  postgres = (await pool.query("SHOW server_version")).rows[0].server_version as string;
  const users = Math.max(sizes.fanoutRecipients, ...sizes.memorySockets);
  const directory = await createDirectory(pool, users, withEmail);
  log(`fresh database (Postgres ${postgres}) with ${users.toLocaleString("en-US")} users`);
  const secret = randomBytes(32).toString("base64url");
  // The server's secrets (webhook endpoints' among them, sealed here by section 7) use its AUTH_SECRET.
  process.env.AUTH_SECRET = secret;
  // The default adapter (Postgres) unless BENCH_REDIS_URL asks for Redis.
  const { REDIS_URL: _unused, ...inherited } = process.env;
  server = await startAppServer({
    port,
    inherit: inherited,
    // --profile: a V8 CPU profile of the server for the whole run (open it in Chrome DevTools).
    nodeArgs: options.profile ? ["--cpu-prof", "--cpu-prof-dir=bench/results"] : [],
    env: {
      DATABASE_URL: database.url,
      AUTH_SECRET: secret,
      APP_URL: `http://localhost:${port}`,
      NEXT_DIST_DIR: distDir,
      SEED_DEMO_DATA: "false",
      BENCH_ROUTES: "1",
      API_RATE_LIMIT_PER_MINUTE: "1000000000",
      ...(fake
        ? { RESEND_API_KEY: "re_bench_fake", RESEND_BASE_URL: fake.url }
        : // No Resend key: production then requires mail to be explicitly off.
          { EMAIL_DISABLED: "true" }),
      // Section 7's webhook receiver listens on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
      ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL } : {}),
    },
  });
  log(`production server on ${server.url} (pid ${server.pid})`);
  const url = server.url;
  result = await measure({
    url,
    pid: server.pid,
    pool,
    directory,
    secret,
    sizes,
    email: fake
      ? { fake, renderThreads: defaultRenderThreads(Number(process.env.EMAIL_RENDER_THREADS) || undefined) }
      : undefined,
    log,
    routeExists: (path, method) => routeExists(url, path, method),
  });
} finally {
  await server?.stop();
  await fake?.close();
  await pool.end();
  await database.drop();
}

const seconds = (Date.now() - began) / 1000;
result.rows.sort((a, b) => a.section.localeCompare(b.section));
console.log(
  `\nMachine: ${machine.cpus} cores, ${machine.memoryGb} GB, Node ${machine.node}, Postgres ${postgres}; ${quick ? "quick" : "full"} run${withEmail ? " with email" : " (--no-email: email off by organization setting)"} in ${seconds.toFixed(0)} s${build.built ? ` (build ${build.seconds.toFixed(0)} s)` : ""}\n`,
);
printTable(result.rows);
mkdirSync("bench/results", { recursive: true });
const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, "-")}${quick ? "-quick" : ""}.json`;
writeFileSync(
  file,
  JSON.stringify(
    {
      machine: { ...machine, postgres },
      quick,
      withEmail,
      sizes,
      seconds,
      build,
      rows: result.rows,
      plans: result.plans,
    },
    null,
    2,
  ),
);
console.log(`\nResults: ${file}`);
process.exit(0);
