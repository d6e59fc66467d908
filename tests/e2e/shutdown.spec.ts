// A deploy stops the server with SIGTERM: the request it is serving still gets its answer, and the
// process then ends cleanly. (A dependency's exit hook used to end it at once, with code 143.)
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { createFreshDatabase } from "../support/database";
import { freePort } from "../support/instances";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("on SIGTERM the server answers the event still arriving, then exits with 0", async () => {
  test.setTimeout(90_000);
  const database = await createFreshDatabase("nc_shutdown");
  const port = await freePort();
  const apiKey = `nck_${randomBytes(32).toString("base64url")}`;
  const pool = new pg.Pool({ connectionString: database.url });
  await pool.query(
    `INSERT INTO "Organization" (id, name, kind, "updatedAt") VALUES ('cust_quiet', 'Quiet Customer', 'customer', now())`,
  );
  await pool.query(
    `INSERT INTO "ApiKey" (id, name, prefix, hash, scopes) VALUES (gen_random_uuid()::text, 'shutdown', $1, $2, '{events}')`,
    [apiKey.slice(0, 12), createHash("sha256").update(apiKey).digest("hex")],
  );
  await pool.end();

  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      EMAIL_DISABLED: "true",
      SEED_DEMO_DATA: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  try {
    const health = () =>
      fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.status,
        () => 0,
      );
    await expect
      .poll(health, { timeout: 60_000 })
      .toBe(200)
      .catch((error: Error) => {
        throw new Error(`${error.message}\nserver output:\n${output.slice(-2000)}`);
      });

    const id = `shutdown_${Date.now()}`;
    const body = JSON.stringify({
      id,
      type: "payment.currency_reset",
      occurredAt: new Date().toISOString(),
      organizationId: "cust_quiet",
      data: { previousCurrency: "USD", currency: "EUR", effectiveFrom: "2026-12-01" },
    });
    const answer = new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/v1/events",
          headers: {
            authorization: `Bearer ${apiKey}`,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode!));
        },
      );
      request.on("error", reject);
      // Half the body now, the rest after the signal.
      request.write(body.slice(0, 40));
      void sleep(500)
        .then(() => server.kill("SIGTERM"))
        .then(() => sleep(500))
        .then(() => request.end(body.slice(40)));
    });

    expect(await answer).toBe(202);
    expect(await exited, output.slice(-2000)).toBe(0);
    expect(output).toContain("SIGTERM: shutting down");
    const check = new pg.Client({ connectionString: database.url });
    await check.connect();
    const stored = await check.query(`SELECT 1 FROM "Event" WHERE "externalId" = $1`, [id]);
    await check.end();
    expect(stored.rowCount).toBe(1);
  } finally {
    if (server.exitCode === null) server.kill("SIGKILL");
    await database.drop();
  }
});
