// An instance that dies between an event's commit and its push must not cost the connected
// browsers that push: another instance pushes it within a few seconds (its sweeper), and at once
// when the platform retries the event there (answered 200 duplicate).
import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { io as connect, type Socket } from "socket.io-client";
import { PUBLISH_GRACE_MS } from "@/lib/notifications/publish-sweeper";
import { AUTH_SECRET, createFaultDatabase, post, quietEvent, sessionCookie, startServerProcess } from "./support";

/** Runs the real ingest in a process that SIGKILLs itself right after the commit, before any push. */
function storeAndCrash(databaseUrl: string, event: object) {
  return new Promise<{ output: string; signal: string | null }>((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/faults/store-and-crash.ts", JSON.stringify(event)],
      {
        env: { ...process.env, NODE_ENV: "test", DATABASE_URL: databaseUrl, AUTH_SECRET },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("exit", (_code, signal) => resolve({ output, signal }));
  });
}

test("a push lost with its instance between commit and emit is made by another instance", async () => {
  test.setTimeout(120_000);
  const database = await createFaultDatabase("nc_fault_push");
  const server = await startServerProcess({ databaseUrl: database.url });
  let socket: Socket | undefined;
  try {
    const cookie = await sessionCookie({ id: "u_quiet", email: "quiet@quiet.example", name: "Quinn Quiet" });
    socket = connect(server.url, { transports: ["websocket"], extraHeaders: { cookie }, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket!.once("connect", () => resolve());
      socket!.once("connect_error", reject);
    });
    const received = new Map<string, number>();
    socket.on("notification:new", (item: { eventId: string }) => {
      if (!received.has(item.eventId)) received.set(item.eventId, Date.now());
    });
    const waitFor = async (eventId: string, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (!received.has(eventId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      return received.get(eventId);
    };

    // 1. Nobody retries: the other instance's sweeper pushes it a few seconds after the commit.
    const orphan = quietEvent("orphan");
    const crashed = await storeAndCrash(database.url, orphan);
    expect(crashed.signal, crashed.output).toBe("SIGKILL");
    expect(crashed.output).toContain('"status":"accepted"');
    const [stored] = await database.query<{ publishedAt: Date | null }>(
      `SELECT "publishedAt" FROM "Event" WHERE "externalId" = $1`,
      [orphan.id],
    );
    expect(stored).toBeDefined();
    expect(await waitFor(orphan.id, PUBLISH_GRACE_MS + 5_000), "the orphaned event was never pushed").toBeDefined();

    // 2. The platform retries it (its request got no answer): the duplicate pushes at once.
    const retried = quietEvent("retried");
    expect((await storeAndCrash(database.url, retried)).output).toContain('"status":"accepted"');
    const [row] = await database.query<{ receivedAt: Date }>(
      `SELECT "receivedAt" AT TIME ZONE current_setting('TimeZone') AS "receivedAt" FROM "Event" WHERE "externalId" = $1`,
      [retried.id],
    );
    const receivedAt = row!.receivedAt;
    const answer = await post(server.url, "/api/v1/events", retried, { authorization: `Bearer ${database.apiKey}` });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ status: "duplicate", notifications: 1 });
    const pushedAt = await waitFor(retried.id, PUBLISH_GRACE_MS + 5_000);
    expect(pushedAt, "the retried event was never pushed").toBeDefined();
    // Sooner than the sweeper could have: it takes events only PUBLISH_GRACE_MS after their commit.
    expect(pushedAt! - receivedAt.getTime()).toBeLessThan(PUBLISH_GRACE_MS);

    // 3. Both are now marked published: a later duplicate pushes nothing more.
    const marks = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Event" WHERE "externalId" = ANY($1) AND "publishedAt" IS NOT NULL`,
      [[orphan.id, retried.id]],
    );
    expect(marks[0]!.n).toBe(2);
    expect(server.output()).not.toMatch(/uncaught|unhandled/i);
  } finally {
    socket?.disconnect();
    await server.stop();
    await database.drop();
  }
});
