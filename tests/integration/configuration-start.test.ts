// An invalid value stops the server and the worker at start, with a message that names it
// (lib/server/local-config.ts), before they open the database or serve a request.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

function start(script: string, extra: Record<string, string>) {
  const child = spawn("npx", ["tsx", script], {
    // An unreachable database: if the check let the start go on, it would fail differently.
    env: { ...process.env, DATABASE_URL: "postgresql://127.0.0.1:1/unreachable", ...extra },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, output })),
  );
}

describe("an invalid configuration", () => {
  it.each(["server.ts", "scripts/worker.ts"])("stops %s with the variable's name", async (script) => {
    const { code, output } = await start(script, { API_RATE_LIMIT_PER_MINUTE: "sixty" });
    expect(code).toBe(1);
    expect(output).toContain("Invalid configuration:\n  - API_RATE_LIMIT_PER_MINUTE: must be a number");
    expect(output).not.toMatch(/ready on|worker started|ECONNREFUSED/);
  });
});
