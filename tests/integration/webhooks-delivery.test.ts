// Webhook delivery against a real HTTP receiver on 127.0.0.1: Standard Webhooks signatures that
// the `standardwebhooks` library verifies on the receiving side, retries on the schedule with the
// same webhook-id, final failure, Retry-After, the 3-day disable (controllable clock) with the
// admins told in-app, rotation (two signatures), and a worker killed mid-delivery.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import type { WebhookTiming } from "@/lib/webhooks/deliver";
import { createWebhookWorker, type WebhookWorker } from "@/lib/webhooks/worker";
import { until } from "../support/email";
import { GET as listInbox } from "@/app/api/notifications/route";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";
import { startReceiver, type Receiver } from "../support/webhook-receiver";
import { webhooksApi as api } from "../support/webhooks";

// Deliveries to the local receiver need it (development and tests only).
process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";

let receiver: Receiver;
const workers: WebhookWorker[] = [];
const children: ChildProcess[] = [];
const fast: Partial<WebhookTiming> = { pollMs: 50, leaseMs: 5_000, schedule: [30, 30, 30], timeoutMs: 2_000 };

// A test message's first retry is due 5 s after its attempt (the real schedule); the workers here
// run their clock 6 s ahead so that it is due at once, and the fast schedule applies after it.
const ahead = () => new Date(Date.now() + 6_000);

function worker(options: { timing?: Partial<WebhookTiming>; clock?: () => Date } = {}) {
  const created = createWebhookWorker({
    timing: { ...fast, ...options.timing },
    clock: options.clock ?? ahead,
    listen: false,
    log: () => {},
  });
  workers.push(created);
  return created;
}

async function endpoint(org = "res_contoso", user = "u_ryan", path = "/hook", extra: Record<string, unknown> = {}) {
  const res = await api.create(user, org, { url: `${receiver.url}${path}`, types: ["*"], ...extra });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as { id: string; secret: string; url: string };
}

const verify = (secret: string, request: Receiver["received"][number]) =>
  new Webhook(secret).verify(request.body, request.headers as Record<string, string>);

beforeAll(async () => {
  receiver = await startReceiver();
});
beforeEach(async () => {
  await resetDatabase();
  receiver.reset();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  for (const child of children.splice(0)) child.kill("SIGKILL");
});
afterAll(() => receiver.close());

describe("a test message", () => {
  it("is sent at once, signed so that standardwebhooks verifies it, and its attempt is returned", async () => {
    const created = await endpoint();
    receiver.fallback = { status: 200, body: '{"received":true}' };
    const res = await api.test("u_ryan", "res_contoso", created.id);
    expect(res.status).toBe(200);
    expect(res.json.delivery).toMatchObject({ id: expect.stringMatching(/^msg_[0-9a-f]{32}$/), status: "delivered" });
    expect(res.json.attempt).toMatchObject({ httpStatus: 200, responseExcerpt: '{"received":true}' });
    expect(res.json.attempt.durationMs).toBeGreaterThanOrEqual(0);

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request!.path).toBe("/hook");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["webhook-id"]).toBe(res.json.delivery.id);
    expect(request!.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const body = verify(created.secret, request!) as any;
    expect(body).toMatchObject({
      type: "webhook.test",
      data: { endpointId: created.id, organizationId: "res_contoso", sentBy: { userId: "u_ryan" } },
    });
    expect(Date.parse(body.timestamp)).not.toBeNaN();
    // Another secret does not verify it.
    expect(() => verify("whsec_" + Buffer.alloc(32, 7).toString("base64"), request!)).toThrow();

    const deliveries = await api.deliveries("u_ryan", "res_contoso", created.id);
    expect(deliveries.json.items).toEqual([
      expect.objectContaining({
        id: res.json.delivery.id,
        eventId: null,
        type: "webhook.test",
        status: "delivered",
        nextAttemptAt: null,
        attempts: [expect.objectContaining({ httpStatus: 200 })],
      }),
    ]);
  });

  it("500 then 200: delivered on the retry, with the same webhook-id and a fresh signature", async () => {
    const created = await endpoint();
    receiver.answers = [{ status: 500, body: "boom" }];
    const res = await api.test("u_ryan", "res_contoso", created.id);
    expect(res.json.attempt).toMatchObject({ httpStatus: 500, error: "HTTP 500", responseExcerpt: "boom" });
    expect(res.json.delivery.status).toBe("pending");
    const pending = await api.deliveries("u_ryan", "res_contoso", created.id);
    expect(Date.parse(pending.json.items[0].nextAttemptAt)).toBeGreaterThan(Date.now());

    await worker().start();
    await until(async () => receiver.received.length === 2, 5000, "the retry");
    const ids = receiver.received.map((r) => r.headers["webhook-id"]);
    expect(ids).toEqual([res.json.delivery.id, res.json.delivery.id]);
    for (const request of receiver.received) verify(created.secret, request);
    expect(receiver.received[0]!.body).toBe(receiver.received[1]!.body);

    const delivered = await until(async () => {
      const list = await api.deliveries("u_ryan", "res_contoso", created.id);
      return list.json.items[0].status === "delivered" ? list.json.items[0] : null;
    });
    expect(delivered.attempts.map((a: any) => a.httpStatus)).toEqual([500, 200]);
    expect(delivered.nextAttemptAt).toBeNull();
  });
});

describe("failures", () => {
  it.each([
    ["410 Gone", { status: 410 }, /^HTTP 410$/],
    ["a redirect (not followed)", { status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" } }, /redirect/],
    ["a timeout", { delayMs: 1_500 }, /timed out after/],
  ])("%s: retried on the schedule, then the delivery fails", async (_label, answer, error) => {
    const created = await endpoint();
    // The test message's own attempt waits the full 15 s for an answer: it gets a quick 500.
    receiver.answers = [{ status: 500 }];
    receiver.fallback = { status: 200, ...answer };
    await api.test("u_ryan", "res_contoso", created.id);
    const w = worker({ timing: { timeoutMs: 300 } });
    await w.start();
    const failed = await until(
      async () => {
        const list = await api.deliveries("u_ryan", "res_contoso", created.id);
        return list.json.items[0].status === "failed" ? list.json.items[0] : null;
      },
      10_000,
      "the final failure",
    );
    // The first attempt and the three retries of the schedule.
    expect(failed.attempts).toHaveLength(4);
    expect(failed.attempts[0].error).toBe("HTTP 500");
    for (const attempt of failed.attempts.slice(1)) expect(attempt.error).toMatch(error);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    expect(receiver.received.filter((r) => r.path === "/elsewhere")).toHaveLength(0);
  });

  it("a refused connection: retried, then failed; the endpoint is not disabled before 3 days", async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const port = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(port));
      });
    });
    const res = await api.create("u_ryan", "res_contoso", { url: `http://127.0.0.1:${closed}/hook`, types: ["*"] });
    const test = await api.test("u_ryan", "res_contoso", res.json.id);
    expect(test.json.attempt).toMatchObject({ httpStatus: null, error: expect.stringContaining("ECONNREFUSED") });
    await worker().start();
    const failed = await until(async () => {
      const list = await api.deliveries("u_ryan", "res_contoso", res.json.id);
      return list.json.items[0].status === "failed" ? list.json.items[0] : null;
    });
    expect(failed.attempts).toHaveLength(4);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(row.enabled).toBe(true);
    expect(row.failingSince).not.toBeNull();
  });

  it("honours Retry-After: the retry waits for it", async () => {
    const created = await endpoint();
    receiver.answers = [{ status: 429, headers: { "retry-after": "1" } }];
    await api.test("u_ryan", "res_contoso", created.id);
    const list = await api.deliveries("u_ryan", "res_contoso", created.id);
    const wait = Date.parse(list.json.items[0].nextAttemptAt) - Date.parse(list.json.items[0].attempts[0].at);
    expect(wait).toBeGreaterThanOrEqual(950);
  });

  it("disables an endpoint after 3 days of failures, tells its admins in-app, and one click turns it back on", async () => {
    const created = await endpoint();
    receiver.fallback = { status: 503 };
    let now = Date.now();
    const clock = () => new Date(now);
    const day = 86_400_000;
    await api.test("u_ryan", "res_contoso", created.id); // fails: the failure window starts
    const w = worker({ clock, timing: { schedule: [day, day, day, day] } });
    // Two days later: retried, still failing, still enabled.
    now += 2 * day + 1000;
    await w.drain();
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } })).enabled).toBe(true);
    // Over three days after the first failure (the retry is a day later, ±10% jitter): disabled.
    now += 1.2 * day;
    await w.drain();
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ enabled: false, disabledReason: "failing" });
    expect(receiver.received).toHaveLength(3);

    const notices = await db.notification.findMany({ where: { type: "webhook.endpoint_disabled" } });
    const admins = await db.user.findMany({ where: { organizationId: "res_contoso", role: "admin", active: true } });
    expect(notices.map((n) => n.userId).sort()).toEqual(admins.map((a) => a.id).sort());
    expect(notices[0]).toMatchObject({ title: "A webhook endpoint was disabled" });
    expect(notices[0]!.url).toContain("/admin/organizations/res_contoso/webhooks");
    // …and it is in Ryan's inbox like any other notification.
    const inbox = await callRoute(listInbox, "/api/notifications", {
      headers: { cookie: await sessionCookie("u_ryan") },
    });
    expect(inbox.status).toBe(200);
    expect(inbox.json.items[0]).toMatchObject({
      title: "A webhook endpoint was disabled",
      category: "organizations",
      critical: true,
    });

    // While disabled nothing is sent, even when due.
    now += 2 * day;
    expect(await w.drain()).toBe(0);
    expect(receiver.received).toHaveLength(3);

    // One click: re-enabled, the waiting delivery goes out.
    receiver.fallback = { status: 204 };
    const enabled = await api.patch("u_ryan", "res_contoso", created.id, { enabled: true });
    expect(enabled.json).toMatchObject({ enabled: true, disabledReason: null });
    expect(await w.drain()).toBe(1);
    const list = await api.deliveries("u_ryan", "res_contoso", created.id);
    expect(list.json.items[0].status).toBe("delivered");
  });
});

describe("secrets", () => {
  it("after a rotation both secrets sign for 24 hours, then only the new one", async () => {
    const created = await endpoint();
    const rotated = await api.rotate("u_ryan", "res_contoso", created.id);
    await api.test("u_ryan", "res_contoso", created.id);
    const [request] = receiver.received;
    expect((request!.headers["webhook-signature"] as string).split(" ")).toHaveLength(2);
    verify(created.secret, request!);
    verify(rotated.json.secret, request!);

    // A day later: the old secret no longer signs.
    await db.webhookEndpoint.update({
      where: { id: created.id },
      data: { previousSecretExpiresAt: new Date(Date.now() - 1000) },
    });
    await api.test("u_ryan", "res_contoso", created.id);
    const later = receiver.received[1]!;
    expect((later.headers["webhook-signature"] as string).split(" ")).toHaveLength(1);
    verify(rotated.json.secret, later);
    expect(() => verify(created.secret, later)).toThrow();
  });
});

describe("retrying a delivery", () => {
  it("queues a failed delivery again (202) and sends it with the same webhook-id; a pending one is 409", async () => {
    const created = await endpoint();
    receiver.answers = [{ status: 500 }];
    const test = await api.test("u_ryan", "res_contoso", created.id);
    const id = test.json.delivery.id;
    const pending = await api.retry("u_ryan", "res_contoso", created.id, id);
    expect(pending.status).toBe(409);
    await db.webhookMessage.update({ where: { id }, data: { status: "failed" } });
    const retried = await api.retry("u_ryan", "res_contoso", created.id, id);
    expect(retried.status).toBe(202);
    expect(await worker().drain()).toBe(1);
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([id, id]);
    const list = await api.deliveries("u_ryan", "res_contoso", created.id);
    expect(list.json.items[0]).toMatchObject({ status: "delivered" });
  });

  it("pages deliveries newest first with a cursor", async () => {
    const created = await endpoint();
    const sent: string[] = [];
    for (let i = 0; i < 23; i++) sent.push((await api.test("u_ryan", "res_contoso", created.id)).json.delivery.id);
    const first = await api.deliveries("u_ryan", "res_contoso", created.id);
    expect(first.json.items).toHaveLength(20);
    const second = await api.deliveries("u_ryan", "res_contoso", created.id, first.json.nextCursor);
    expect(second.json.nextCursor).toBeNull();
    expect([...first.json.items, ...second.json.items].map((item: any) => item.id)).toEqual(sent.reverse());
  });
});

describe("a worker killed mid-delivery", () => {
  it("loses nothing: once its lease runs out the message is delivered exactly once more", async () => {
    const created = await endpoint();
    // The first attempt (inline) fails; the worker process's retry hangs; the next answer is 200.
    receiver.answers = [{ status: 503 }, { hang: true }];
    const test = await api.test("u_ryan", "res_contoso", created.id);
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/webhook-worker-process.ts"], {
      env: { ...process.env, WEBHOOK_TEST_LEASE_MS: "1500" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    await until(async () => receiver.received.length === 2, 20_000, "the worker process to send");
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    expect((await db.webhookMessage.findUniqueOrThrow({ where: { id: test.json.delivery.id } })).status).toBe(
      "sending",
    );

    await worker().start();
    await until(
      async () =>
        (await db.webhookMessage.findUniqueOrThrow({ where: { id: test.json.delivery.id } })).status === "delivered",
      10_000,
      "delivery after the lease",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([
      test.json.delivery.id,
      test.json.delivery.id,
      test.json.delivery.id,
    ]);
  });
});

describe("test messages under pressure", () => {
  it("refuses a test (429) while the endpoint already has 4 messages waiting for an answer", async () => {
    const created = await endpoint();
    receiver.fallback = { hang: true };
    const pending = Array.from({ length: 4 }, () => api.test("u_ryan", "res_contoso", created.id));
    await until(async () => receiver.received.length === 4, 5_000, "four hanging tests");
    const refused = await api.test("u_ryan", "res_contoso", created.id);
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe("rate_limited");
    expect(receiver.received).toHaveLength(4);
    // Let the hanging requests end: the receiver drops them, each attempt records a failure.
    receiver.reset();
    await receiver.close();
    receiver = await startReceiver();
    const results = await Promise.all(pending);
    for (const result of results) expect(result.json.attempt.httpStatus).toBeNull();
  });
});
