import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { mailboxTransport, resendTransport, type EmailTransport } from "@/lib/email/transport";
import { claimDueJobs, createEmailWorker, type EmailWorker, type WorkerTiming } from "@/lib/email/worker";
import { catalog } from "@/lib/notifications/catalog";
import { listNotifications } from "@/lib/notifications/inbox";
import { ingest, until } from "../support/email";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { resetDatabase } from "../support/integration";

let fake: FakeResend;
let transport: EmailTransport;
const workers: EmailWorker[] = [];
const fast: Partial<WorkerTiming> = {
  pollMs: 50,
  leaseMs: 5_000,
  backoffBaseMs: 40,
  backoffMaxMs: 2_000,
  maxAttempts: 3,
};

function worker(options: { timing?: Partial<WorkerTiming>; listen?: boolean; transport?: EmailTransport } = {}) {
  const created = createEmailWorker({
    transport: options.transport ?? transport,
    timing: { ...fast, ...options.timing },
    listen: options.listen ?? false,
    // One request per job: the path these tests cover (EMAIL_BATCH_SIZE=1, and any lone email);
    // batches have their own tests (email-batch.test.ts).
    batchSize: 1,
    log: () => {},
  });
  workers.push(created);
  return created;
}

const renewalFailed = {
  type: "subscription.renewal_failed",
  organizationId: "cust_adatum",
  recipients: { emails: ["ops@vendor.example"] },
  data: { subscriptionId: "sub_1", subscriptionName: "Microsoft 365 E3", errorMessage: "Card declined" },
};
const renewed = {
  type: "subscription.renewed",
  organizationId: "cust_adatum",
  data: { subscriptionId: "sub_2", subscriptionName: "Teams Phone", renewedAt: "2026-11-26T10:00:00Z" },
};

/** The accepted emails by recipient address. */
const sentByAddress = () =>
  new Map<string, any>(
    fake.sent.map((email) => [Array.isArray(email.body.to) ? email.body.to[0] : email.body.to, email.body]),
  );
const deliveries = () => db.emailDelivery.findMany({ orderBy: { toAddress: "asc" } });
const requestsPerKey = () => {
  const counts = new Map<string, number>();
  for (const request of fake.requests)
    counts.set(request.idempotencyKey ?? "none", (counts.get(request.idempotencyKey ?? "none") ?? 0) + 1);
  return counts;
};

beforeAll(async () => {
  await resetDatabase();
  fake = await startFakeResend();
  transport = resendTransport({ apiKey: "re_test_key", baseUrl: fake.url });
});
beforeEach(async () => {
  await db.emailDelivery.deleteMany();
  await db.emailSuppression.deleteMany();
  fake.reset();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(async () => {
  await fake.close();
});

describe("an ingested event", () => {
  it("sends exactly the expected emails (to, cc, extra addresses) with subject, HTML, text and unsubscribe headers", async () => {
    await ingest(renewalFailed);
    const handled = await worker().drain();
    expect(handled).toBe(4);
    const byTo = sentByAddress();
    expect([...byTo.keys()].sort()).toEqual([
      "alice@adatum.example",
      "ben@adatum.example",
      "ops@vendor.example",
      "ryan@contoso.example",
    ]);
    for (const [, body] of byTo) {
      expect(body.subject).toBe("Action required: renewal failed for Microsoft 365 E3");
      expect(body.html).toContain("Card declined");
      expect(body.text).toContain("Card declined");
      expect(body.text).toContain("https://portal.test/subscriptions/sub_1");
      expect(body.text).not.toMatch(/\bundefined\b|\bnull\b/);
      expect(body.from).toBe('"Contoso Reseller" <notifications@test.example>');
      expect(body.headers["List-Unsubscribe"]).toMatch(
        /^<http:\/\/localhost:3999\/unsubscribe\?token=[\w-]+\.[\w-]+>$/,
      );
      expect(body.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(body.text).toContain("http://localhost:3999/settings/notifications");
    }
    expect(byTo.get("alice@adatum.example").text).toContain("You receive this as the customer's primary contact.");
    expect(byTo.get("alice@adatum.example").text).toContain("Hi Alice Adatum,");
    expect(byTo.get("ryan@contoso.example").text).toContain("You are copied as the reseller's primary contact.");
    expect(byTo.get("ops@vendor.example").text).toContain("This address was named by the platform for this event.");
    expect(byTo.get("ops@vendor.example").text).not.toContain("Hi ");

    const rows = await deliveries();
    expect(rows.map((row) => [row.toAddress, row.role, row.status, row.attempts])).toEqual([
      ["alice@adatum.example", "to", "sent", 1],
      ["ben@adatum.example", "to", "sent", 1],
      ["ops@vendor.example", "to", "sent", 1],
      ["ryan@contoso.example", "cc", "sent", 1],
    ]);
    expect(rows.every((row) => row.providerId?.startsWith("re_fake_") && row.subject)).toBe(true);
    // Stored as UTC like every Prisma DateTime (raw SQL writes it): within a minute of now.
    expect(rows.every((row) => row.sentAt && Math.abs(row.sentAt.getTime() - Date.now()) < 60_000)).toBe(true);
    // One request per job, each with the job id as its idempotency key.
    expect([...requestsPerKey().entries()].sort()).toEqual(rows.map((row) => [row.id, 1]).sort());
    const attempts = await db.emailEvent.count({ where: { kind: "attempt" } });
    expect(attempts).toBe(4);
  });

  it("shows the temporary password only to `to` recipients, keeps it encrypted while queued, erases it after, never logs it", async () => {
    const password = "Tmp#Secret-9931";
    const logged: string[] = [];
    const spies = (["log", "error", "warn", "info"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" "))),
    );
    await ingest({
      type: "organization.tenant_created",
      organizationId: "cust_adatum",
      actor: { userId: "u_mia" },
      data: {
        ...catalog["organization.tenant_created"].example,
        organizationId: "cust_adatum",
        temporaryPassword: password,
      },
    });
    const queued = await deliveries();
    expect(queued.map((row) => [row.toAddress, row.role, Boolean(row.secret)])).toEqual([
      ["alice@adatum.example", "cc", false],
      ["mia@adatum.example", "to", true],
      ["ryan@contoso.example", "cc", false],
    ]);
    expect(JSON.stringify(queued)).not.toContain(password);
    await worker().drain();
    spies.forEach((spy) => spy.mockRestore());

    const byTo = sentByAddress();
    expect(byTo.get("mia@adatum.example").text).toContain(password);
    expect(byTo.get("mia@adatum.example").html).toContain(password);
    for (const cc of ["alice@adatum.example", "ryan@contoso.example"]) {
      expect(byTo.get(cc).text).not.toContain(password);
      expect(byTo.get(cc).html).not.toContain(password);
      expect(byTo.get(cc).subject).not.toContain(password);
    }
    const after = await deliveries();
    expect(after.every((row) => row.status === "sent" && row.secret === null)).toBe(true);
    expect(JSON.stringify(await db.event.findMany())).not.toContain(password);
    expect(JSON.stringify(await db.emailEvent.findMany())).not.toContain(password);
    expect(logged.join("\n")).not.toContain(password);
  });

  it("reports the latest email status per notification for the inbox", async () => {
    await ingest(renewed);
    const [job] = await deliveries();
    const emailOf = async () =>
      (await listNotifications({ userId: job!.userId! })).items.find((item) => item.id === job!.notificationId)?.email;
    expect(await emailOf()).toEqual({ status: "queued", at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    await worker().drain();
    const sent = await db.emailDelivery.findUniqueOrThrow({ where: { id: job!.id } });
    expect(await emailOf()).toEqual({ status: "sent", at: sent.sentAt!.toISOString() });
  });
});

describe("retries", () => {
  it("retries a 500 once and delivers once", async () => {
    fake.script({ status: 500 });
    await ingest(renewed);
    const w = worker();
    await w.start();
    const job = await until(async () => (await deliveries()).find((row) => row.status === "sent"), 5000, "sent");
    expect(job.attempts).toBe(2);
    expect(fake.requests.map((r) => r.status)).toEqual([500, 200]);
    expect(fake.requests.every((r) => r.idempotencyKey === job.id)).toBe(true);
    expect(fake.sent).toHaveLength(1);
    const events = await db.emailEvent.findMany({ where: { deliveryId: job.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.detail)).toEqual([
      expect.stringMatching(/^#1: 500 internal_server_error: fake 500; retry in/),
      expect.stringMatching(/^#2: sent/),
    ]);
    expect(job.lastError).toBeNull();
  });

  it("retries network errors", async () => {
    fake.script("drop");
    await ingest(renewed);
    const w = worker();
    await w.start();
    const job = await until(async () => (await deliveries()).find((row) => row.status === "sent"), 5000, "sent");
    expect(job.attempts).toBe(2);
    expect(fake.sent).toHaveLength(1);
  });

  it("gives up on a hung request and retries it under the same idempotency key: one email", async () => {
    fake.script({ status: 200, delayMs: 400 });
    await ingest(renewed);
    const w = worker({ transport: resendTransport({ apiKey: "re_test_key", baseUrl: fake.url, timeoutMs: 100 }) });
    await w.start();
    const job = await until(async () => (await deliveries()).find((row) => row.status === "sent"), 5000, "sent");
    expect(job.attempts).toBe(2);
    const events = await db.emailEvent.findMany({ where: { deliveryId: job.id }, orderBy: { at: "asc" } });
    expect(events[0]!.detail).toMatch(/network application_error/);
    await until(async () => fake.requests.length === 2, 2000, "both requests");
    expect(fake.sent).toHaveLength(1);
  });

  it("honours Retry-After on 429", async () => {
    fake.script({
      status: 429,
      headers: { "retry-after": "1" },
      body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
    });
    await ingest(renewed);
    const started = Date.now();
    await worker().drain();
    const [job] = await deliveries();
    expect(job!.status).toBe("queued");
    expect(job!.lastError).toContain("429");
    expect(job!.runAt.getTime() - started).toBeGreaterThanOrEqual(950);
  });

  it("does not retry a 422: the job fails with the error kept", async () => {
    fake.script({ status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." } });
    await ingest(renewed);
    const w = worker();
    await w.start();
    const job = await until(async () => (await deliveries()).find((row) => row.status === "failed"), 5000, "failed");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.requests).toHaveLength(1);
    expect(job.attempts).toBe(1);
    expect(job.lastError).toContain("422 validation_error: Invalid `to` field.");
    expect(job.secret).toBeNull();
  });

  it("gives up after N attempts: dead, with the last error kept and the secret erased", async () => {
    // Three jobs (mia to, alice and ryan cc), three failing attempts each.
    fake.script({ status: 503 }, { status: 502 }, ...Array.from({ length: 7 }, () => ({ status: 500 })));
    await ingest({
      ...renewed,
      type: "organization.tenant_created",
      actor: { userId: "u_mia" },
      data: catalog["organization.tenant_created"].example,
    });
    const w = worker();
    await w.start();
    await until(async () => (await deliveries()).every((row) => row.status === "dead"), 5000, "dead");
    const job = (await deliveries()).find((row) => row.toAddress === "mia@adatum.example")!;
    expect(job.attempts).toBe(3);
    expect(job.lastError).toContain("500");
    expect(job.secret).toBeNull();
    expect(fake.requests.filter((r) => r.idempotencyKey === job.id)).toHaveLength(3);
  });
});

describe("durability and concurrency", () => {
  it("loses and duplicates nothing when a worker dies with jobs claimed", async () => {
    await ingest(renewalFailed);
    await ingest(renewed);
    // A worker claims everything and dies before sending (lease: 300 ms).
    const claimed = await claimDueJobs(50, 300);
    expect(claimed).toHaveLength(5);
    const restarted = worker({ timing: { leaseMs: 300 } });
    expect(await restarted.drain()).toBe(0); // still leased to the dead worker
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await restarted.drain()).toBe(5);
    const rows = await deliveries();
    expect(rows.every((row) => row.status === "sent" && row.attempts === 2)).toBe(true);
    expect([...requestsPerKey().values()]).toEqual([1, 1, 1, 1, 1]);
    expect(fake.sent).toHaveLength(5);
  });

  it("finishes the emails in flight on a graceful stop and leaves the rest queued for the next start", async () => {
    fake.setDelay(150);
    for (let i = 0; i < 3; i++) await ingest(renewed);
    const first = worker({ timing: { pollMs: 10_000 } });
    await first.start();
    await until(
      async () => fake.requests.length > 0 || (await db.emailDelivery.count({ where: { status: "sending" } })) > 0,
      2000,
      "claim",
    );
    await first.stop();
    const afterStop = await deliveries();
    expect(afterStop.filter((row) => row.status === "sending")).toHaveLength(0);
    const second = worker();
    await second.start();
    await until(async () => (await deliveries()).every((row) => row.status === "sent"), 5000, "all sent");
    expect([...requestsPerKey().values()].every((count) => count === 1)).toBe(true);
    expect(fake.sent).toHaveLength(3);
  });

  it("never sends a job twice with two workers draining at once", async () => {
    for (let i = 0; i < 8; i++) await ingest(renewalFailed); // 32 jobs
    fake.setDelay(5);
    const a = createEmailWorker({
      transport,
      timing: fast,
      concurrency: 3,
      batchSize: 1,
      listen: false,
      log: () => {},
    });
    const b = createEmailWorker({
      transport,
      timing: fast,
      concurrency: 3,
      batchSize: 1,
      listen: false,
      log: () => {},
    });
    const [handledA, handledB] = await Promise.all([a.drain(), b.drain()]);
    expect(handledA + handledB).toBe(32);
    expect(handledA).toBeGreaterThan(0);
    expect(handledB).toBeGreaterThan(0);
    const rows = await deliveries();
    expect(rows).toHaveLength(32);
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
    // Per idempotency key AND per job: exactly one request, one email.
    const perKey = requestsPerKey();
    expect(perKey.size).toBe(32);
    expect([...perKey.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(fake.sent.map((email) => email.key)).size).toBe(32);
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(fake.sent.map((email) => email.key)));
  });
});

describe("leases and slow providers", () => {
  it("renews the lease of a job that takes longer than the lease: a second worker never takes it", async () => {
    fake.script({ status: 200, delayMs: 1_500 });
    await ingest(renewed);
    const slow = resendTransport({ apiKey: "re_test_key", baseUrl: fake.url, timeoutMs: 5_000 });
    const first = worker({ timing: { leaseMs: 400 }, transport: slow });
    await first.start();
    await until(async () => fake.requests.length > 0 || fake.pending() > 0, 2000, "first request");
    // A second worker polls all along; the 400 ms lease would have run out three times over.
    const second = worker({ timing: { leaseMs: 400 }, transport: slow });
    await second.start();
    const job = await until(async () => (await deliveries()).find((row) => row.status === "sent"), 5000, "sent");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(job.attempts).toBe(1);
    expect(fake.requests).toHaveLength(1);
    expect(fake.sent).toHaveLength(1);
  });

  it("keeps sending the other jobs while one request hangs, then retries the hung one after its timeout", async () => {
    fake.script("hang");
    await ingest(renewalFailed); // 4 jobs
    await ingest(renewed); // 1 job
    const w = createEmailWorker({
      transport: resendTransport({ apiKey: "re_test_key", baseUrl: fake.url, timeoutMs: 1_500 }),
      timing: fast,
      concurrency: 2,
      batchSize: 1,
      listen: false,
      log: () => {},
    });
    workers.push(w);
    await w.start();
    // With 2 slots and one held by the hung request, the 4 others go one by one through the other.
    await until(async () => fake.sent.length === 4, 1_400, "the four other emails during the hang");
    const hung = fake.requests[0]!.idempotencyKey!;
    expect((await db.emailDelivery.findUniqueOrThrow({ where: { id: hung } })).status).toBe("sending");
    const rows = await until(
      async () => ((await deliveries()).every((row) => row.status === "sent") ? deliveries() : null),
      5_000,
      "all sent",
    );
    expect(rows.find((row) => row.id === hung)!.attempts).toBe(2);
    expect(new Set(fake.sent.map((email) => email.key)).size).toBe(5);
  });

  it("spreads jobs throttled together (429, Retry-After: 1) instead of retrying them in the same instant", async () => {
    fake.setMode({ kind: "throttle", retryAfterSeconds: 1 });
    for (let i = 0; i < 3; i++) await ingest(renewalFailed); // 12 jobs
    const started = Date.now();
    await worker({ timing: { backoffBaseMs: 10 } }).drain();
    const rows = await deliveries();
    expect(rows.every((row) => row.status === "queued" && row.lastError?.startsWith("429"))).toBe(true);
    const due = rows.map((row) => row.runAt.getTime() - started);
    expect(Math.min(...due)).toBeGreaterThanOrEqual(950);
    expect(new Set(due).size).toBeGreaterThan(8);
    expect(Math.max(...due) - Math.min(...due)).toBeGreaterThan(200);
  });
});

describe("waking the worker", () => {
  it("wakes in-process on wakeEmailWorker() without waiting for the poll", async () => {
    const w = worker({ timing: { pollMs: 60_000 } });
    await w.start();
    await ingest(renewed); // ingest calls wakeEmailWorker() after commit
    await until(async () => (await deliveries()).find((row) => row.status === "sent"), 2000, "sent after wake");
  });

  it("wakes through Postgres NOTIFY from another process", async () => {
    const w = worker({ timing: { pollMs: 60_000 }, listen: true });
    await w.start();
    // Queue a job without waking this process's listeners: copy a delivered job back to queued.
    await ingest(renewed);
    await until(async () => (await deliveries()).find((row) => row.status === "sent"), 2000, "first send");
    const [job] = await deliveries();
    await db.emailDelivery.update({
      where: { id: job!.id },
      data: { status: "queued", runAt: new Date(Date.now() - 1000) },
    });
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    await other.query("NOTIFY email_jobs");
    await other.end();
    await until(
      async () => (await db.emailDelivery.findUnique({ where: { id: job!.id } }))?.status === "sent",
      2000,
      "send after NOTIFY",
    );
  });

  it("suppresses sends to a suppressed address", async () => {
    await db.emailSuppression.create({ data: { email: "alice@adatum.example", reason: "bounced" } });
    await ingest(renewed);
    await worker().drain();
    const [job] = await deliveries();
    expect(job!.status).toBe("suppressed");
    expect(fake.requests).toHaveLength(0);
  });
});

describe("development mailbox transport", () => {
  it("captures each job once, keyed by the job id", async () => {
    await ingest(renewed);
    const [job] = await deliveries();
    await worker({ transport: mailboxTransport() }).drain();
    // A retry of the same job (e.g. after a crash) does not capture it twice.
    await db.emailDelivery.update({ where: { id: job!.id }, data: { status: "queued" } });
    await worker({ transport: mailboxTransport() }).drain();
    const captured = await db.capturedEmail.findMany({ where: { id: job!.id } });
    expect(captured).toHaveLength(1);
    expect(captured[0]!.subject).toBe("Renewed: Teams Phone");
    expect(captured[0]!.text).toContain("Renewed on\n26 Nov 2026");
    expect(captured[0]!.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(fake.requests).toHaveLength(0);
  });
});
