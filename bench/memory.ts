// Section 5: resident memory of the server with idle sockets, next to a bare Socket.IO server
// holding the same number of sockets.
import { spawn } from "node:child_process";
import { rssMb } from "./server";
import type { Metric, Row } from "./stats";

export const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** RSS once the process has had a moment to settle after the last connection. */
export async function measureRss(pid: number): Promise<Metric | string> {
  await settle(2000);
  const value = rssMb(pid);
  return value === null ? "n/a (no /proc)" : { value, unit: "MB" };
}

export function memoryRows(app: Map<number, Metric | string>, bare: Map<number, Metric | string>): Row[] {
  return [...app.entries()].map(([sockets, result]) => ({
    section: "5",
    label: `server RSS, ${sockets.toLocaleString("en-US")} idle sockets`,
    result,
    baseline: bare.has(sockets) ? { label: "bare Socket.IO", metric: bare.get(sockets)! } : undefined,
    target: sockets >= 10_000 ? "< 500 MB" : undefined,
  }));
}

interface BareServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startBareServer(port: number): Promise<BareServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/bare-socket-server.ts"], {
    env: { ...process.env, PORT: String(port), NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk) => String(chunk).includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`bare Socket.IO server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
