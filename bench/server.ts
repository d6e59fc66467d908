// The production server the benchmark measures: `next build` into its own directory when the
// sources are newer than the build, then server.ts with NODE_ENV=production on a fresh database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "lib",
  "components",
  "emails",
  "next.config.js",
  "proxy.ts",
  "middleware.ts",
  "package-lock.json",
];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Builds into `distDir` when asked, or ("if-stale") unless a build newer than every source file is there. */
export function ensureBuild(distDir: string, when: "always" | "if-stale" | "never") {
  const buildId = path.join(distDir, "BUILD_ID");
  const missing = !existsSync(buildId);
  if (when === "never" && missing) throw new Error(`--no-build: there is no build in ${distDir}`);
  const stale = missing || Math.max(...SOURCES.map(newestMtime)) > statSync(buildId).mtimeMs;
  if (when === "never" || (when === "if-stale" && !stale)) return { built: false, seconds: 0 };
  const started = Date.now();
  // One `next build` at a time per checkout: when another is running, wait and retry.
  for (let attempt = 1; ; attempt++) {
    console.log(`Building the production app into ${distDir} (next build)…`);
    const run = spawnSync("npx", ["next", "build"], {
      env: { ...process.env, NEXT_DIST_DIR: distDir },
      encoding: "utf8",
    });
    if (run.status === 0) return { built: true, seconds: (Date.now() - started) / 1000 };
    const output = `${run.stdout}\n${run.stderr}`;
    if (attempt < 10 && /another|already running|lock/i.test(output)) {
      console.log("Another next build is running; retrying in 15 s");
      spawnSync("sleep", ["15"]);
      continue;
    }
    console.error(output.slice(-4000));
    throw new Error("next build failed");
  }
}

export interface AppServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

interface AppServerOptions {
  port: number;
  env: Record<string, string>;
  /** The environment to start from (default: this process's). */
  inherit?: NodeJS.ProcessEnv;
  /** Extra Node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  // `node --import tsx` rather than the tsx CLI, so that the pid is the server's own (for its RSS).
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", "server.ts"], {
    env: { ...(options.inherit ?? process.env), ...options.env, NODE_ENV: "production", PORT: String(options.port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => {
    output += chunk;
    // A load run that ends closes connections mid-request: the server logs each as "aborted".
    if (!/aborted|ECONNRESET/.test(String(chunk))) process.stderr.write(`[server] ${chunk}`);
  });
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start:\n${output.slice(-3000)}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not become healthy within 60 s:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/** Resident set size of a process, in MB (Linux: /proc/<pid>/status VmRSS). */
export function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}
