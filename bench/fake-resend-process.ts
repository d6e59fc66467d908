// The fake Resend (tests/support/fake-resend.ts) in a child process of its own. It parses every
// batch the server sends (megabytes a second while mail drains); in this process that parsing
// would hold up the event loop whose socket clients time deliveries and whose autocannon counts
// requests, and the benchmark would charge its own delay to the server.
import { fork } from "node:child_process";
import { once } from "node:events";
import type { FakeStats } from "../tests/support/fake-resend";

export interface FakeResendProcess {
  url: string;
  stats(): Promise<FakeStats>;
  close(): Promise<void>;
}

export async function startFakeResendProcess(): Promise<FakeResendProcess> {
  const child = fork(new URL("./fake-resend-child.ts", import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`fake Resend process ended (exit code ${code})`)));
    child.once("message", (message: { url: string }) => resolve(message.url));
  });
  return {
    url,
    stats: async () => (await fetch(`${url}/__stats`)).json() as Promise<FakeStats>,
    async close() {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    },
  };
}
