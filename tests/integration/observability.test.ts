import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InMemorySpanExporter } from "@opentelemetry/sdk-trace-node";
import { POST as postEvent } from "@/app/api/v1/events/route";
import { POST as postBatch } from "@/app/api/v1/events/batch/route";
import { GET as getMetrics } from "@/app/metrics/route";
import { GET as getReady } from "@/app/api/ready/route";
import { createApiKey } from "@/lib/api-keys";
import { db } from "@/lib/db";
import { mailboxTransport } from "@/lib/email/transport";
import { createEmailWorker } from "@/lib/email/worker";
import { createWebhookWorker } from "@/lib/webhooks/worker";
import { catalog } from "@/lib/notifications/catalog";
import { EVENT_ID } from "@/lib/observability/tracing";
import { startTracing } from "@/lib/observability/tracing-sdk";
import { markShuttingDown, readiness, setSocketAdapter } from "@/lib/server/readiness";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";
import { parsePrometheus, sampleValue as value, type Sample } from "../support/prometheus";
import { registerScrapeSources } from "@/lib/observability/sources";
import { startReceiver } from "../support/webhook-receiver";
import { webhooksApi } from "../support/webhooks";
import { startRealtime, nextEvent, type RealtimeHarness } from "../support/realtime";

const METRICS_TOKEN = process.env.METRICS_TOKEN!;
// The webhook receiver of these tests listens on 127.0.0.1.
process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
let auth: Record<string, string>;
let n = 0;
const envelope = (type: keyof typeof catalog, extra: Record<string, unknown> = {}) => ({
  id: `evt_obs_${Date.now()}_${++n}`,
  type,
  occurredAt: "2026-11-26T10:00:00Z",
  organizationId: "cust_adatum",
  actor: { userId: "u_mia" },
  data: structuredClone(catalog[type].example),
  ...extra,
});

async function scrape(token = METRICS_TOKEN) {
  const response = await getMetrics(
    new Request("http://localhost:3999/metrics", { headers: { authorization: `Bearer ${token}` } }),
  );
  const text = await response.text();
  const samples: Sample[] = response.status === 200 ? parsePrometheus(text).samples : [];
  return { status: response.status, text, families: samples };
}

let realtime: RealtimeHarness;
let unregister: () => void;
beforeAll(async () => {
  await resetDatabase();
  const key = await createApiKey({ name: "observability", scopes: ["events"] });
  auth = { authorization: `Bearer ${key.key}` };
  realtime = await startRealtime();
  unregister = registerScrapeSources(realtime.io);
});
afterAll(async () => {
  unregister?.();
  await realtime?.close();
});

describe("GET /metrics", () => {
  it("needs the metrics token", async () => {
    expect((await scrape("wrong-token-0123456789")).status).toBe(401);
    const none = await getMetrics(new Request("http://localhost:3999/metrics"));
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe("unauthorized");
  });

  it("counts accepted, duplicate and rejected events by type, notifications, and times ingest", async () => {
    const before = (await scrape()).families;
    const type = "subscription.renewal_failed";
    const event = envelope(type);
    expect((await callRoute(postEvent, "/api/v1/events", { body: event, headers: auth })).status).toBe(202);
    expect((await callRoute(postEvent, "/api/v1/events", { body: event, headers: auth })).status).toBe(200);
    const bad = { ...envelope(type), data: {} };
    expect((await callRoute(postEvent, "/api/v1/events", { body: bad, headers: auth })).status).toBe(422);
    expect(
      (
        await callRoute(postEvent, "/api/v1/events", {
          rawBody: "{",
          headers: { ...auth, "content-type": "application/json" },
        })
      ).status,
    ).toBe(400);
    const batch = await callRoute(postBatch, "/api/v1/events/batch", {
      body: {
        events: [envelope("quote.sent"), envelope("quote.sent"), { ...envelope("quote.sent"), type: "nope.unknown" }],
      },
      headers: auth,
    });
    expect(batch.status).toBe(207);

    const { status, families } = await scrape();
    expect(status).toBe(200);
    const delta = (name: string, labels: Record<string, string>) =>
      value(families, name, labels) - value(before, name, labels);
    expect(delta("nc_events_total", { type, result: "accepted" })).toBe(1);
    expect(delta("nc_events_total", { type, result: "duplicate" })).toBe(1);
    expect(delta("nc_events_total", { type, result: "rejected" })).toBe(1);
    expect(delta("nc_events_total", { type: "quote.sent", result: "accepted" })).toBe(2);
    // Unknown types and unreadable bodies share one label: no cardinality from the caller's input.
    expect(delta("nc_events_total", { type: "invalid", result: "rejected" })).toBe(2);
    expect(delta("nc_notifications_created_total", { category: "subscriptions" })).toBeGreaterThan(0);
    expect(delta("nc_notifications_created_total", { category: "quotes" })).toBeGreaterThan(0);
    expect(delta("nc_ingest_duration_seconds_count", { route: "single" })).toBe(4);
    expect(delta("nc_ingest_duration_seconds_count", { route: "batch" })).toBe(1);
    expect(delta("nc_ingest_duration_seconds_bucket", { route: "single", le: "+Inf" })).toBe(4);
    // No label carries an event, user or organization id.
    for (const sample of families)
      for (const label of Object.values(sample.labels)) expect(label).not.toMatch(/evt_|u_|cust_/);
  });

  it("reports the email queue, the sockets, the pool and the process", async () => {
    await realtime.connect(await sessionCookie("u_ben"));
    const { families } = await scrape();
    expect(value(families, "nc_sockets_connected")).toBeGreaterThanOrEqual(1);
    expect(value(families, "nc_jobs", { channel: "email", state: "queued" })).toBeGreaterThan(0);
    expect(value(families, "nc_queue_oldest_job_age_seconds", { channel: "email" })).toBeGreaterThanOrEqual(0);
    expect(families.some((s) => s.name === "nc_jobs" && s.labels.channel === "webhook")).toBe(true);
    expect(value(families, "nc_pg_pool_connections", { state: "in_use" })).toBeGreaterThanOrEqual(0);
    expect(families.some((s) => s.name === "nc_pg_pool_connections" && s.labels.state === "waiting")).toBe(true);
    expect(families.some((s) => s.name === "nc_nodejs_eventloop_lag_seconds")).toBe(true);
  });
});

describe("the queue's lateness", () => {
  it("counts email waiting on purpose (quiet hours, a digest) in its state, but not as waiting nor in the oldest age; a retry counts", async () => {
    await db.emailDelivery.deleteMany();
    for (let i = 0; i < 2; i++)
      await callRoute(postEvent, "/api/v1/events", { body: envelope("subscription.renewal_failed"), headers: auth });
    const [late, quiet, ...held] = await db.emailDelivery.findMany({ orderBy: { id: "asc" } });
    expect(held.length).toBeGreaterThan(0);
    // Created an hour ago, due 30 s ago: it is 30 s late.
    await db.$executeRaw`UPDATE "EmailDelivery" SET "createdAt" = (now() AT TIME ZONE 'UTC') - interval '1 hour',
      "runAt" = (now() AT TIME ZONE 'UTC') - interval '30 seconds' WHERE id = ${late!.id}`;
    // Created two hours ago, held for the user's quiet hours until tomorrow morning.
    await db.$executeRaw`UPDATE "EmailDelivery" SET "createdAt" = (now() AT TIME ZONE 'UTC') - interval '2 hours',
      "runAt" = (now() AT TIME ZONE 'UTC') + interval '8 hours' WHERE id = ${quiet!.id}`;
    await db.emailDelivery.updateMany({ where: { id: { in: held.map((job) => job.id) } }, data: { status: "held" } });

    const { families } = await scrape();
    expect(value(families, "nc_jobs", { channel: "email", state: "queued" })).toBe(2);
    expect(value(families, "nc_jobs", { channel: "email", state: "held" })).toBe(held.length);
    const age = value(families, "nc_queue_oldest_job_age_seconds", { channel: "email" });
    expect(age).toBeGreaterThanOrEqual(30);
    expect(age).toBeLessThan(120);
    setSocketAdapter("postgres");
    const { emailQueue } = await (await getReady()).json();
    expect(emailQueue.waiting).toBe(1);
    expect(emailQueue.oldestJobAgeSeconds).toBeGreaterThanOrEqual(30);
    expect(emailQueue.oldestJobAgeSeconds).toBeLessThan(120);

    // The quiet hours' email was tried since, failed, and waits for its retry: a failing provider shows as late.
    await db.$executeRaw`UPDATE "EmailDelivery" SET attempts = 1,
      "runAt" = (now() AT TIME ZONE 'UTC') + interval '5 minutes' WHERE id = ${quiet!.id}`;
    const retrying = value((await scrape()).families, "nc_queue_oldest_job_age_seconds", { channel: "email" });
    expect(retrying).toBeGreaterThanOrEqual(7_200);
    expect(retrying).toBeLessThan(7_300);
  });
});

describe("pushes", () => {
  it("counts notification:new emitted to sockets", async () => {
    const before = value((await scrape()).families, "nc_pushes_emitted_total", { event: "notification:new" });
    const socket = await realtime.connect(await sessionCookie("u_alice"));
    const arrived = nextEvent(socket, "notification:new");
    await callRoute(postEvent, "/api/v1/events", { body: envelope("subscription.renewal_failed"), headers: auth });
    await arrived;
    const after = value((await scrape()).families, "nc_pushes_emitted_total", { event: "notification:new" });
    expect(after - before).toBeGreaterThanOrEqual(1);
  });
});

describe("tracing", () => {
  const exporter = new InMemorySpanExporter();
  let stop: () => Promise<void>;
  beforeAll(() => {
    stop = startTracing({ exporter });
  });
  afterAll(() => stop());
  beforeEach(() => exporter.reset());

  it("continues the platform's trace and names the event on the ingest span", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const event = envelope("quote.sent");
    const response = await callRoute(postEvent, "/api/v1/events", {
      body: event,
      headers: { ...auth, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(response.status).toBe(202);
    const ingest = exporter.getFinishedSpans().find((s) => s.name === "POST /api/v1/events");
    expect(ingest?.spanContext().traceId).toBe(traceId);
    expect(ingest?.attributes[EVENT_ID]).toBe(response.json.eventId);
  });

  it("carries one trace per event from the request through the store to the socket emit, even in a shared statement", async () => {
    const socket = await realtime.connect(await sessionCookie("u_alice"));
    const events = [1, 2, 3].map(() => envelope("subscription.renewal_failed"));
    const traceIds = events.map(() => randomBytes(16).toString("hex"));
    const arrived = new Promise<void>((resolve) => {
      let n = 0;
      socket.on("notification:new", () => ++n === 3 && resolve());
    });
    // Sent at once: the first runs alone, the two that wait for it share the next statement (group
    // commit); each keeps its own trace.
    const responses = await Promise.all(
      events.map((event, i) =>
        callRoute(postEvent, "/api/v1/events", {
          body: event,
          headers: { ...auth, traceparent: `00-${traceIds[i]}-b7ad6b7169203331-01` },
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([202, 202, 202]);
    await arrived;
    const ours = new Set(events.map((e) => e.id));
    await expect
      .poll(
        () =>
          exporter
            .getFinishedSpans()
            .filter((s) => s.name === "realtime.emit" && ours.has(String(s.attributes[EVENT_ID]))).length,
      )
      .toBe(3);
    const spans = exporter.getFinishedSpans();
    events.forEach((event, i) => {
      const inTrace = spans.filter((s) => s.spanContext().traceId === traceIds[i]);
      expect(inTrace.map((s) => s.name).sort()).toEqual(["POST /api/v1/events", "ingest.store", "realtime.emit"]);
      for (const span of inTrace.filter((s) => s.name !== "POST /api/v1/events"))
        expect(span.attributes[EVENT_ID]).toBe(event.id);
    });
    // Two of them were stored by one statement: their store spans start together.
    const storeStarts = spans
      .filter((s) => s.name === "ingest.store" && ours.has(String(s.attributes[EVENT_ID])))
      .map((s) => s.startTime.join("."));
    expect(new Set(storeStarts).size).toBeLessThan(3);
    // The event remembers its trace, for the email and webhook jobs to link to.
    const stored = await db.event.findFirstOrThrow({ where: { externalId: events[0]!.id } });
    expect(stored.traceparent).toMatch(new RegExp(`^00-${traceIds[0]}-`));
  });

  it("sends each email and webhook in a span of its own trace, linked to the event's", async () => {
    const receiver = await startReceiver();
    const endpoint = await webhooksApi.create("u_alice", "cust_adatum", { url: receiver.url, types: ["*"] });
    expect(endpoint.status).toBe(201);
    const traceId = randomBytes(16).toString("hex");
    const event = envelope("subscription.renewal_failed");
    const response = await callRoute(postEvent, "/api/v1/events", {
      body: event,
      headers: { ...auth, traceparent: `00-${traceId}-b7ad6b7169203331-01` },
    });
    expect(response.status).toBe(202);
    const email = createEmailWorker({ transport: mailboxTransport(), listen: false, log: () => {} });
    const webhook = createWebhookWorker({ listen: false, log: () => {} });
    try {
      await email.drain();
      await webhook.drain();
    } finally {
      await Promise.all([email.stop(), webhook.stop(), receiver.close()]);
    }
    const spans = exporter.getFinishedSpans();
    // Emails go one by one or in batches (one span linked to every event of the batch).
    const emailSends = spans.filter((s) => s.name.startsWith("email.send"));
    const webhookSends = spans.filter((s) => s.name === "webhook.send" && s.attributes[EVENT_ID] === event.id);
    for (const [channel, sends] of [
      ["email", emailSends.filter((s) => s.links.some((link) => link.context.traceId === traceId))],
      ["webhook", webhookSends],
    ] as const) {
      expect(sends.length, channel).toBeGreaterThan(0);
      for (const send of sends) {
        expect(send.spanContext().traceId, channel).not.toBe(traceId);
        expect(
          send.links.map((link) => link.context.traceId),
          channel,
        ).toContain(traceId);
      }
    }
  });
});

describe("GET /api/ready", () => {
  it("is ready with a database and an adapter, and not ready while shutting down", async () => {
    setSocketAdapter("postgres");
    const ready = await getReady();
    expect(ready.status).toBe(200);
    const body = await ready.json();
    expect(body).toMatchObject({ status: "ready", database: "ok", socketAdapter: "postgres", shuttingDown: false });
    expect(body.emailQueue.waiting).toBeGreaterThanOrEqual(0);

    markShuttingDown();
    const draining = await getReady();
    expect(draining.status).toBe(503);
    expect(draining.headers.get("retry-after")).toBe("5");
    expect(await draining.json()).toMatchObject({ status: "not_ready", shuttingDown: true });
    (readiness() as { shuttingDown: boolean }).shuttingDown = false;
  });
});
