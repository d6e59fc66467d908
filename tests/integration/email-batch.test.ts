// Batch sending (Resend's batch API, up to 100 emails a request) with exactly-once per job: one
// idempotency key per batch, each job marked from its own answer, a refused email failing alone,
// an unanswered batch sent again under the same key. Real Postgres, the real Resend SDK against
// the local fake (which answers batches as Resend does: permissive mode lists refused emails).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resendTransport, type EmailTransport } from "@/lib/email/transport";
import { batchKey, createEmailWorker, type EmailWorker } from "@/lib/email/worker";
import { ingest } from "../support/email";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { resetDatabase } from "../support/integration";

let fake: FakeResend;
let transport: EmailTransport;
const workers: EmailWorker[] = [];

function worker(batchSize = 100) {
  const created = createEmailWorker({
    transport,
    batchSize,
    timing: { pollMs: 50, leaseMs: 5_000, backoffBaseMs: 40, backoffMaxMs: 2_000, maxAttempts: 3 },
    listen: false,
    log: () => {},
  });
  workers.push(created);
  return created;
}

const renewalFailed = (emails: string[]) => ({
  type: "subscription.renewal_failed",
  organizationId: "cust_adatum",
  recipients: { emails },
  data: { subscriptionId: "sub_1", subscriptionName: "Microsoft 365 E3", errorMessage: "Card declined" },
});
const deliveryIds = (email: { body: any }) =>
  (email.body.tags as { name: string; value: string }[]).find((tag) => tag.name === "delivery_id")!.value;

beforeAll(async () => {
  await resetDatabase();
  fake = await startFakeResend();
  transport = resendTransport({ apiKey: "re_test_key", baseUrl: fake.url });
});
beforeEach(async () => {
  await db.emailDelivery.deleteMany();
  fake.reset();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(() => fake.close());

describe("batch sending", () => {
  it("sends a backlog in one request, marks every job from its own answer", async () => {
    await ingest(renewalFailed(["ops1@vendor.example", "ops2@vendor.example"]));
    const jobs = await db.emailDelivery.findMany();
    expect(jobs.length).toBeGreaterThan(3);
    expect(await worker().drain()).toBe(jobs.length);

    expect(fake.requests.map((request) => [request.path, request.status])).toEqual([["/emails/batch", 200]]);
    expect(fake.requests[0]!.idempotencyKey).toBe(batchKey(jobs.map((job) => job.id)));
    const rows = await db.emailDelivery.findMany();
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
    // Each job holds the provider id of its own email.
    const byDelivery = new Map(fake.sent.map((email) => [deliveryIds(email), email.id]));
    for (const row of rows) expect(row.providerId).toBe(byDelivery.get(row.id));
    expect(new Set(rows.map((row) => row.providerId)).size).toBe(rows.length);
  });

  it("a refused email fails alone, the others are sent once and never again", async () => {
    await ingest(renewalFailed(["ops1@vendor.example", "refused@vendor.example", "ops3@vendor.example"]));
    fake.refuse("refused@vendor.example");
    await worker().drain();
    const rows = await db.emailDelivery.findMany();
    const refused = rows.find((row) => row.toAddress === "refused@vendor.example")!;
    expect(refused.status).toBe("failed");
    expect(refused.lastError).toMatch(/^422 validation_error: .*refused@vendor\.example/);
    const others = rows.filter((row) => row !== refused);
    expect(others.every((row) => row.status === "sent")).toBe(true);
    expect(fake.sent.map(deliveryIds).sort()).toEqual(others.map((row) => row.id).sort());
    const trail = await db.emailEvent.findMany({ where: { deliveryId: refused.id } });
    expect(trail.map((entry) => entry.detail)).toEqual([
      expect.stringMatching(/^#1: 422 validation_error: .*; failed$/),
    ]);

    // Nothing is left to send: a second drain sends nothing.
    const requests = fake.requests.length;
    expect(await worker().drain()).toBe(0);
    expect(fake.requests).toHaveLength(requests);
  });

  it("sends an unanswered batch again under the same key: each email accepted once", async () => {
    await ingest(renewalFailed(["ops1@vendor.example"]));
    fake.script("drop");
    await worker().drain();
    const rows = await db.emailDelivery.findMany();
    expect(fake.requests.map((request) => request.status)).toEqual([0, 200]);
    expect(new Set(fake.requests.map((request) => request.idempotencyKey))).toEqual(
      new Set([batchKey(rows.map((row) => row.id))]),
    );
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
    expect(fake.sent).toHaveLength(rows.length);
  });

  it("a batch the provider accepted but whose answer was lost is not sent twice", async () => {
    await ingest(renewalFailed(["ops1@vendor.example"]));
    // The first answer is slower than the client waits: the provider has the batch, the client does not know.
    fake.script({ status: 200, delayMs: 1_500 });
    const slow = createEmailWorker({
      transport: resendTransport({ apiKey: "re_test_key", baseUrl: fake.url, timeoutMs: 500 }),
      timing: { pollMs: 50, leaseMs: 5_000, backoffBaseMs: 40, backoffMaxMs: 2_000, maxAttempts: 3 },
      listen: false,
      log: () => {},
    });
    workers.push(slow);
    await slow.drain();
    const rows = await db.emailDelivery.findMany();
    expect(rows.every((row) => row.status === "sent")).toBe(true);
    expect(fake.sent).toHaveLength(rows.length);
    expect(new Set(fake.sent.map(deliveryIds))).toEqual(new Set(rows.map((row) => row.id)));
  });

  it("never sends a job twice with two workers batching the same queue", async () => {
    const addresses = Array.from({ length: 20 }, (_, i) => `ops${i}@vendor.example`);
    for (let i = 0; i < 6; i++) await ingest(renewalFailed(addresses));
    const total = await db.emailDelivery.count();
    expect(total).toBeGreaterThan(120);
    const [a, b] = [worker(7), worker(7)];
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
    const rows = await db.emailDelivery.findMany();
    expect(rows.filter((row) => row.status !== "sent")).toEqual([]);
    expect(fake.sent).toHaveLength(total);
    expect(new Set(fake.sent.map(deliveryIds)).size).toBe(total);
    expect(fake.requests.every((request) => request.path === "/emails/batch" || request.path === "/emails")).toBe(true);
    expect(fake.requests.filter((request) => request.path === "/emails/batch").length).toBeGreaterThan(1);
  });
});
