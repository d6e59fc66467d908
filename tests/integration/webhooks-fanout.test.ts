// Events reach webhooks down the tree (routing.md): an event of a customer goes to the enabled
// endpoints of the customer, its reseller, its distributor and the platform that subscribe to its
// type, and to no one else's. The messages are stored by the ingest statement itself, so an
// accepted event has them before the 202 is answered. Delivered to a real receiver on 127.0.0.1.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { catalog } from "@/lib/notifications/catalog";
import { createWebhookWorker, type WebhookWorker } from "@/lib/webhooks/worker";
import { until } from "../support/email";
import { POST as postEvent } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/api-keys";
import { callRoute, resetDatabase } from "../support/integration";
import { startReceiver, type Receiver } from "../support/webhook-receiver";
import { webhooksApi as api } from "../support/webhooks";

process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";

let receiver: Receiver;
const workers: WebhookWorker[] = [];
const worker = () => {
  const created = createWebhookWorker({ timing: { pollMs: 50 }, listen: false, log: () => {} });
  workers.push(created);
  return created;
};

async function endpoint(user: string, org: string, types: string[], extra: Record<string, unknown> = {}) {
  const res = await api.create(user, org, { url: `${receiver.url}/${org}`, types, ...extra });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json as { id: string; secret: string };
}

let apiKey = "";
let counter = 0;

/** Posts one event through the real Platform API route; expects 202. */
async function ingest(envelope: Record<string, unknown>) {
  const id = `evt_webhooks_${Date.now().toString(36)}_${++counter}`;
  const res = await callRoute(postEvent, "/api/v1/events", {
    body: { id, occurredAt: new Date().toISOString(), ...envelope },
    headers: { authorization: `Bearer ${apiKey}` },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
  return { id, ...res.json } as { id: string; eventId: string };
}

const quoteSent = { type: "quote.sent", organizationId: "cust_adatum", data: catalog["quote.sent"].example };

beforeAll(async () => {
  receiver = await startReceiver();
});
beforeEach(async () => {
  await resetDatabase();
  apiKey = (await createApiKey({ name: "webhook-tests", scopes: ["events"] })).key;
  receiver.reset();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(() => receiver.close());

describe("an event's webhook messages", () => {
  it("go to the distributor's and the reseller's endpoints of a customer's event, not to a sibling reseller's", async () => {
    const distributor = await endpoint("u_dana", "dist_northwind", ["*"]);
    const reseller = await endpoint("u_ryan", "res_contoso", ["quote.sent"]);
    await endpoint("u_fiona", "res_fabrikam", ["*"]);
    await endpoint("u_tom", "cust_tailspin", ["*"]);

    const sent = await ingest({ ...quoteSent, actor: { userId: "u_mia" } });
    // Stored with the event: there before any worker runs.
    const messages = await db.webhookMessage.findMany({ include: { endpoint: true } });
    expect(messages.map((m) => m.endpoint.organizationId).sort()).toEqual(["dist_northwind", "res_contoso"]);

    const w = worker();
    expect(await w.drain()).toBe(2);
    expect(receiver.received.map((r) => r.path).sort()).toEqual(["/dist_northwind", "/res_contoso"]);
    for (const [secret, path] of [
      [distributor.secret, "/dist_northwind"],
      [reseller.secret, "/res_contoso"],
    ] as const) {
      const request = receiver.received.find((r) => r.path === path)!;
      const body = new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as any;
      expect(body).toEqual({
        type: "quote.sent",
        timestamp: expect.any(String),
        data: {
          eventId: sent.id,
          organizationId: "cust_adatum",
          occurredAt: expect.any(String),
          actor: { userId: "u_mia" },
          payload: catalog["quote.sent"].example,
        },
      });
    }
    // One message per (event, endpoint): two different webhook-ids.
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(2);
  });

  it("follow the type filter, skip paused endpoints, and reach a customer admin's own endpoint", async () => {
    await endpoint("u_ryan", "res_contoso", ["subscription.renewed"]);
    await endpoint("u_dana", "dist_northwind", ["*"], { enabled: false });
    const own = await endpoint("u_alice", "cust_adatum", ["quote.sent", "quote.accepted"]);
    await ingest(quoteSent);
    const messages = await db.webhookMessage.findMany();
    expect(messages.map((m) => m.endpointId)).toEqual([own.id]);
  });

  it("never carry sensitive fields", async () => {
    const created = await endpoint("u_ryan", "res_contoso", ["*"]);
    const example = catalog["organization.tenant_created"].example;
    await ingest({ type: "organization.tenant_created", organizationId: "cust_adatum", data: example });
    await worker().drain();
    const [request] = receiver.received;
    expect(request!.body).not.toContain(example.temporaryPassword);
    const body = new Webhook(created.secret).verify(request!.body, request!.headers as Record<string, string>) as any;
    expect(body.data.payload).not.toHaveProperty("temporaryPassword");
    expect(body.data.payload.adminAccount).toBe(example.adminAccount);
  });

  it("are not stored again for a duplicate event", async () => {
    await endpoint("u_ryan", "res_contoso", ["*"]);
    const first = await ingest(quoteSent);
    const again = await callRoute(postEvent, "/api/v1/events", {
      body: { id: first.id, occurredAt: new Date().toISOString(), ...quoteSent },
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(again.json.status).toBe("duplicate");
    expect(await db.webhookMessage.count()).toBe(1);
  });

  it("show in the endpoint's deliveries with the platform's event id", async () => {
    const created = await endpoint("u_ryan", "res_contoso", ["*"]);
    const sent = await ingest(quoteSent);
    await worker().drain();
    const list = await api.deliveries("u_ryan", "res_contoso", created.id);
    expect(list.json.items).toEqual([
      expect.objectContaining({ eventId: sent.id, type: "quote.sent", status: "delivered" }),
    ]);
  });
});

describe("the console's trail of an event", () => {
  it("names each endpoint up the tree that got the event, with its attempts, and why the others did not", async () => {
    const { getWebhookTrail } = await import("@/lib/webhooks/event-trail");
    await endpoint("u_ryan", "res_contoso", ["quote.sent"]);
    await endpoint("u_dana", "dist_northwind", ["subscription.renewed"]);
    await endpoint("u_alice", "cust_adatum", ["*"], { enabled: false });
    await endpoint("u_fiona", "res_fabrikam", ["*"]);
    const sent = await ingest(quoteSent);
    await worker().drain();
    const event = await db.event.findFirstOrThrow({ where: { externalId: sent.id } });
    const trail = await getWebhookTrail(event);
    expect(trail.deliveries).toEqual([
      expect.objectContaining({
        organizationName: "Contoso Reseller",
        status: "delivered",
        attempts: [expect.objectContaining({ httpStatus: 200 })],
      }),
    ]);
    expect(trail.skipped.map((s) => [s.organizationName, s.reason]).sort()).toEqual([
      ["Adatum Corporation", "paused (now, perhaps not when the event arrived)"],
      ["Northwind Distribution", "not subscribed to quote.sent (subscribes to subscription.renewed)"],
    ]);
  });
});

describe("a slow receiver", () => {
  it("holds at most its own 4 slots: the other endpoints' messages keep flowing", async () => {
    await endpoint("u_ryan", "res_contoso", ["*"]); // answers after 3 s
    await endpoint("u_dana", "dist_northwind", ["*"]); // answers at once
    receiver.byPath = { "/res_contoso": { status: 200, delayMs: 3_000 } };
    for (let i = 0; i < 8; i++) await ingest(quoteSent);
    const started = Date.now();
    await worker().start();
    const fast = async () => receiver.received.filter((r) => r.path === "/dist_northwind").length;
    await until(async () => (await fast()) === 8, 2_800, "the fast endpoint's 8 messages");
    // All eight of the fast endpoint's messages arrived before the slow one answered even once.
    expect(Date.now() - started).toBeLessThan(3_000);
    await until(async () => (await db.webhookMessage.count({ where: { status: "delivered" } })) === 16, 10_000);
    expect(receiver.peak["/res_contoso"]).toBe(4);
  });
});
