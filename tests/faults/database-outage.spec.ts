// A database outage of 15 s under steady ingest, through a TCP proxy that cuts every connection
// and refuses new ones: the server answers 503 with Retry-After (never 500), holds no more
// connections than its documented bound at any moment, accepts again within 2 s of the database
// coming back without a restart, loses no acknowledged event, and still shuts down cleanly.
import { expect, test } from "@playwright/test";
import { CONNECTIONS_PER_INSTANCE } from "@/lib/db/connection-bound";
import { startTcpProxy } from "../support/tcp-proxy";
import { createFaultDatabase, post, quietEvent, sessionCookie, sleep, startServerProcess } from "./support";

test("a 15 s database outage under steady ingest: 503 during, 202 within 2 s after, nothing lost, no storm", async () => {
  test.setTimeout(120_000);
  const database = await createFaultDatabase("nc_fault_outage");
  const target = new URL(database.url);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const server = await startServerProcess({ databaseUrl: proxy.through(database.url) });
  const auth = { authorization: `Bearer ${database.apiKey}` };

  const acknowledged = new Set<string>();
  const answers: { at: number; status: number; code?: string; retryAfter?: string }[] = [];
  const health: { at: number; status: number }[] = [];
  const connections: number[] = [];
  let running = true;
  try {
    // Four platform senders, each retrying its event every 100 ms until it is acknowledged.
    const sender = async () => {
      while (running) {
        const event = quietEvent("outage");
        for (;;) {
          const answer = await post(server.url, "/api/v1/events", event, auth).catch(() => null);
          const at = Date.now();
          if (!answer) {
            answers.push({ at, status: 0 });
          } else {
            const code = answer.status >= 400 ? JSON.parse(answer.body).error?.code : undefined;
            answers.push({ at, status: answer.status, code, retryAfter: answer.headers["retry-after"] as string });
            if (answer.status === 202 || answer.status === 200) {
              acknowledged.add(event.id);
              break;
            }
          }
          if (!running) return;
          await sleep(100);
        }
      }
    };
    const sampler = (async () => {
      while (running) {
        connections.push(await database.connections());
        const status = await fetch(`${server.url}/api/health`).then(
          (r) => r.status,
          () => 0,
        );
        health.push({ at: Date.now(), status });
        await sleep(200);
      }
    })();
    const senders = Array.from({ length: 4 }, sender);

    // Warm: the route loaded and the senders in their stride before the outage.
    const warmDeadline = Date.now() + 30_000;
    while (acknowledged.size < 20 && Date.now() < warmDeadline) await sleep(100);
    await sleep(1_000);
    const downAt = Date.now();
    await proxy.down();
    await sleep(15_000);
    const upAt = Date.now();
    await proxy.up();
    await sleep(6_000);
    running = false;
    await Promise.all([...senders, sampler]);

    // Before: accepted. During (after the first second): 503 service_unavailable with Retry-After, never 500.
    expect(answers.filter((a) => a.at < downAt && a.status === 202).length).toBeGreaterThanOrEqual(20);
    const during = answers.filter((a) => a.at > downAt + 1_000 && a.at < upAt);
    expect(during.length).toBeGreaterThan(20);
    expect(new Set(during.map((a) => `${a.status} ${a.code} ${a.retryAfter}`))).toEqual(
      new Set(["503 service_unavailable 2"]),
    );
    expect(answers.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
    const healthDuring = health.filter((h) => h.at > downAt + 1_000 && h.at < upAt);
    expect(healthDuring.length).toBeGreaterThan(10);
    expect(healthDuring.every((h) => h.status === 503)).toBe(true);

    // After: the first 202 within 2 s of the database coming back, and every sender acknowledged again.
    const firstAccepted = answers.find((a) => a.at > upAt && a.status === 202);
    expect(firstAccepted, "no 202 after the database came back").toBeDefined();
    const recoveryMs = firstAccepted!.at - upAt;
    console.log(`recovery: first 202 ${recoveryMs} ms after the database came back`);
    expect(recoveryMs).toBeLessThanOrEqual(2_000);
    expect(health.at(-1)!.status).toBe(200);

    // No storm: never more connections than the documented bound.
    console.log(`connections: max ${Math.max(...connections)} over ${connections.length} samples`);
    expect(Math.max(...connections)).toBeLessThanOrEqual(CONNECTIONS_PER_INSTANCE);

    // Nothing acknowledged was lost.
    const stored = await database.query<{ externalId: string }>(
      `SELECT "externalId" FROM "Event" WHERE "externalId" = ANY($1)`,
      [[...acknowledged]],
    );
    expect(stored.length).toBe(acknowledged.size);
    expect(acknowledged.size).toBeGreaterThan(20);

    // Every pg error was handled, and the server still stops cleanly.
    expect(server.output()).not.toMatch(/uncaught|unhandled/i);
    server.child.kill("SIGTERM");
    expect(await server.exited, server.output().slice(-3000)).toBe(0);
  } finally {
    running = false;
    await server.stop();
    await proxy.close();
    await database.drop();
  }
});

test("pages during an outage: the friendly 'temporarily unavailable' page, never a stack; back without a restart", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const database = await createFaultDatabase("nc_fault_pages");
  const target = new URL(database.url);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const server = await startServerProcess({ databaseUrl: proxy.through(database.url) });
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const cookie = await sessionCookie({ id: "u_quiet", email: "quiet@quiet.example", name: "Quinn Quiet" });
    const [name, value] = cookie.split(/=(.*)/s) as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    const unavailable = page.getByRole("heading", { name: "This page is temporarily unavailable" });
    await page.goto("/settings/notifications");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(unavailable).toHaveCount(0);

    await proxy.down();
    for (const path of ["/", "/settings/notifications", "/sign-in"]) {
      await page.goto(path);
      await expect(unavailable, path).toBeVisible({ timeout: 15_000 });
      await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
      // Nothing of the server's inside: no driver error, no stack, no SQL.
      expect(await page.locator("body").innerText()).not.toMatch(/ECONN|prisma|postgres|\bat \S+:\d+|SELECT /i);
    }

    await proxy.up();
    await sleep(2_000);
    // "Try again" brings the page back in place, without a reload or a restart.
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(unavailable).toHaveCount(0, { timeout: 10_000 });
    await page.goto("/settings/notifications");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(unavailable).toHaveCount(0);
    expect(server.output()).not.toMatch(/uncaught|unhandled/i);
  } finally {
    await context.close();
    await server.stop();
    await proxy.close();
    await database.drop();
  }
});
