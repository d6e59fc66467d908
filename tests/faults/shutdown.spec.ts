// A deploy's SIGTERM while 16 keep-alive clients keep the server busy: every request sent before
// the signal is answered (nothing is cut), nothing is accepted after it (busy connections get 503
// and `Connection: close`, new connections are refused), idle keep-alive connections are closed at
// once, and the process exits with 0 well within its deadline.
import { Agent, request as httpRequest } from "node:http";
import { expect, test } from "@playwright/test";
import { createFaultDatabase, post, quietEvent, sleep, startServerProcess } from "./support";

// The signal reaches the server a moment after kill() returns: a request sent within this margin
// after it may still be accepted by a server that has not seen the signal yet.
const DELIVERY_MARGIN_MS = 250;

interface Sent {
  id: string;
  /** When the request was flushed to the socket (its 'finish'). */
  sentAt: number;
  status: number;
  error?: string;
}

test("SIGTERM with 16 busy keep-alive clients: every request sent before is answered, none accepted after, exit 0", async () => {
  test.setTimeout(120_000);
  const database = await createFaultDatabase("nc_fault_sigterm");
  const server = await startServerProcess({ databaseUrl: database.url });
  const auth = { authorization: `Bearer ${database.apiKey}`, "content-type": "application/json" };
  const sent: Sent[] = [];
  let running = true;

  const send = (agent: Agent, event: object) =>
    new Promise<Sent>((resolve) => {
      const body = JSON.stringify(event);
      const record: Sent = { id: (event as { id: string }).id, sentAt: Infinity, status: 0 };
      const request = httpRequest(
        `${server.url}/api/v1/events`,
        { method: "POST", agent, headers: { ...auth, "content-length": Buffer.byteLength(body) } },
        (response) => {
          response.resume();
          response.on("end", () => resolve({ ...record, status: response.statusCode! }));
        },
      );
      request.on("finish", () => (record.sentAt = Date.now()));
      request.on("error", (error) =>
        resolve({ ...record, error: (error as NodeJS.ErrnoException).code ?? error.message }),
      );
      request.end(body);
    });

  try {
    // Four idle keep-alive connections: one request each, then nothing.
    const idleAgents = Array.from({ length: 4 }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
    const idleClosed: Promise<number>[] = [];
    for (const agent of idleAgents) {
      expect((await post(server.url, "/api/v1/events", quietEvent("idle"), auth, agent)).status).toBe(202);
      const socket = Object.values(agent.freeSockets).flat()[0]!;
      idleClosed.push(new Promise((resolve) => socket.once("close", () => resolve(Date.now()))));
    }

    // Sixteen busy clients, each sending one event after another on its own keep-alive connection.
    const busy = Array.from({ length: 16 }, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      while (running) {
        const result = await send(agent, quietEvent("busy"));
        sent.push(result);
        // A refused connection (the server has stopped listening): the platform would go elsewhere.
        if (result.error) await sleep(50);
      }
      agent.destroy();
    });

    // And one slow request: headers and half its body before the signal, the rest after.
    const slowEvent = quietEvent("slow");
    const slowBody = JSON.stringify(slowEvent);
    let slowHeaders: Record<string, unknown> = {};
    let slowText = "";
    // Warm: the route loaded and the clients in their stride before the slow request starts.
    const warmDeadline = Date.now() + 20_000;
    while (sent.filter((s) => s.status === 202).length < 100 && Date.now() < warmDeadline) await sleep(100);
    const slowAnswer = new Promise<number | string>((resolve) => {
      const request = httpRequest(
        `${server.url}/api/v1/events`,
        { method: "POST", headers: { ...auth, "content-length": Buffer.byteLength(slowBody) } },
        (response) => {
          slowHeaders = response.headers;
          let text = "";
          response.on("data", (c) => (text += c));
          response.on("end", () => {
            slowText = text;
            resolve(response.statusCode!);
          });
        },
      );
      request.on("error", (error) => resolve((error as NodeJS.ErrnoException).code ?? error.message));
      request.write(slowBody.slice(0, 40));
      void sleep(1_000).then(() => request.end(slowBody.slice(40)));
    });

    await sleep(500);
    const signalAt = Date.now();
    server.child.kill("SIGTERM");
    const [exitCode, exitedAt] = await Promise.all([server.exited, server.exited.then(() => Date.now())]);
    running = false;
    await Promise.all(busy);

    expect(exitCode, server.output().slice(-3000)).toBe(0);
    expect(exitedAt - signalAt).toBeLessThan(20_000);

    // The slow request, in flight at the signal, was answered, and told the client to close.
    expect(await slowAnswer, slowText).toBe(202);
    expect(slowHeaders.connection).toBe("close");

    // Idle keep-alive connections were closed at once, not left to time out.
    for (const closedAt of await Promise.all(idleClosed)) expect(closedAt - signalAt).toBeLessThan(2_000);

    // Every request sent before the signal has an answer; none sent after it was accepted.
    const before = sent.filter((s) => s.sentAt < signalAt);
    const after = sent.filter((s) => s.sentAt > signalAt + DELIVERY_MARGIN_MS);
    console.log(
      `exit ${exitedAt - signalAt} ms after the signal; sent before it: ${before.length}; after: ${after.length} (${[...new Set(after.map((s) => s.error ?? s.status))].join(", ")})`,
    );
    expect(before.length).toBeGreaterThan(16);
    expect(before.filter((s) => s.status === 0)).toEqual([]);
    expect(before.every((s) => s.status === 202 || s.status === 503)).toBe(true);
    expect(after.filter((s) => s.status === 202 || s.status === 200)).toEqual([]);
    // And a request never reached the server without an answer: what was answered 202 is stored.
    const accepted = [...sent.filter((s) => s.status === 202).map((s) => s.id), slowEvent.id];
    const stored = await database.query(`SELECT 1 FROM "Event" WHERE "externalId" = ANY($1)`, [accepted]);
    expect(stored.length).toBe(accepted.length);
    expect(server.output()).toContain("SIGTERM: shutting down");
    expect(server.output()).not.toMatch(/uncaught|unhandled|still running/i);
  } finally {
    running = false;
    await server.stop();
    await database.drop();
  }
});
