// Rendering in worker threads: a template that throws, a thread that dies, a shutdown mid-render.
// Real threads (piscina) running the real templates, the real worker and Postgres, the Resend SDK
// against the local fake.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createRenderPool, type RenderPool } from "@/lib/email/render-pool";
import { resendTransport, type EmailTransport } from "@/lib/email/transport";
import { createEmailWorker, type EmailWorker } from "@/lib/email/worker";
import { catalog } from "@/lib/notifications/catalog";
import type { EmailContext } from "@/lib/email/types";
import { ingest } from "../support/email";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { resetDatabase } from "../support/integration";

let fake: FakeResend;
let transport: EmailTransport;
const workers: EmailWorker[] = [];
const pools: RenderPool[] = [];

const context: EmailContext = {
  brand: { name: "Contoso Reseller", logoUrl: null, primaryColor: "#2563eb" },
  recipientName: "Alice Adatum",
  role: "to",
  why: "You receive this as the customer's primary contact.",
  typeLabel: "Quotes",
  critical: false,
  actionUrl: "https://portal.test/quotes/quote_204",
  settingsUrl: "http://localhost:3999/settings/notifications",
  unsubscribeUrl: "http://localhost:3999/unsubscribe?token=t",
};
const quote = catalog["quote.sent"].example as never;

function pool(threads = 1, nice = 0) {
  const created = createRenderPool({ threads, nice });
  pools.push(created);
  return created;
}

function worker() {
  const created = createEmailWorker({
    transport,
    timing: { pollMs: 50, leaseMs: 5_000, backoffBaseMs: 40, backoffMaxMs: 2_000, maxAttempts: 3 },
    listen: false,
    log: () => {},
  });
  workers.push(created);
  return created;
}

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
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
afterAll(() => fake.close());

describe("a template that throws", () => {
  it("fails that job only, finally, with the template's error in the delivery trail", async () => {
    const broken = await ingest({
      type: "quote.sent",
      organizationId: "cust_adatum",
      data: { ...catalog["quote.sent"].example, quoteId: "quote_broken" },
    });
    const fine = await ingest({
      type: "subscription.renewed",
      organizationId: "cust_adatum",
      data: { subscriptionId: "sub_2", subscriptionName: "Teams Phone", renewedAt: "2026-11-26T10:00:00Z" },
    });
    // Stored data the template cannot format (ingest would have refused it): the email's render throws.
    await db.$executeRaw`UPDATE "Event" SET data = jsonb_set(data::jsonb, '{currency}', '"not a currency"')
      WHERE "externalId" = ${broken.id}`;

    await worker().drain();

    const rows = await db.emailDelivery.findMany({ include: { event: { select: { externalId: true } } } });
    const brokenRows = rows.filter((row) => row.event.externalId === broken.id);
    const fineRows = rows.filter((row) => row.event.externalId === fine.id);
    expect(brokenRows.length).toBeGreaterThan(0);
    expect(fineRows.length).toBeGreaterThan(0);
    // Not retried: the same data would throw again.
    expect(brokenRows.map((row) => [row.status, row.attempts])).toEqual(brokenRows.map(() => ["failed", 1]));
    for (const row of brokenRows) expect(row.lastError).toMatch(/^render: RangeError: .*currency/i);
    expect(fineRows.every((row) => row.status === "sent")).toBe(true);
    expect(fake.sent.map((email) => email.body.subject).sort()).toEqual(
      fineRows.map((row) => row.subject).sort() as string[],
    );
    // The trail (console: "why did this email fail?") says what the template threw.
    const trail = await db.emailEvent.findMany({ where: { deliveryId: { in: brokenRows.map((row) => row.id) } } });
    expect(trail).toHaveLength(brokenRows.length);
    for (const entry of trail) expect(entry.detail).toMatch(/^#1: render: RangeError: .*currency.*; failed$/i);
  });
});

describe("the render pool", () => {
  it("renders in a thread of its own, the same email the templates render in-process", async () => {
    const { renderEmail } = await import("@/lib/email/render");
    const renders = pool(1);
    const inThread = await renders.render("quote.sent", quote, context);
    expect(inThread).toEqual(await renderEmail("quote.sent", quote, context));
    expect(renders.workers).toHaveLength(1);
    expect(renders.workers[0]!.threadId).toBeGreaterThan(0);
  });

  it("renders at a lower priority than the event loop: the kernel serves the API first", async () => {
    // Linux keeps a nice value per thread (field 19 of /proc/<pid>/task/<tid>/stat).
    const niceOfThreads = () =>
      readdirSync("/proc/self/task").map((tid) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
      });
    const before = niceOfThreads().filter((nice) => nice === 7).length;
    const renders = pool(2, 7);
    await Promise.all([renders.render("quote.sent", quote, context), renders.render("quote.sent", quote, context)]);
    expect(niceOfThreads().filter((nice) => nice === 7).length - before).toBe(2);
    expect(niceOfThreads()[0]).toBe(0); // the main thread, which answers the API
  });

  it("replaces a thread that dies, failing only the render it was doing", async () => {
    const renders = pool(1);
    await renders.render("quote.sent", quote, context);
    const [first] = renders.workers;
    // Killed mid-render (as by an out-of-memory abort): that render fails, retryable (not a TemplateError).
    const cut = renders.render("quote.sent", quote, context);
    await first!.terminate();
    await expect(cut).rejects.toThrow();
    await expect(cut).rejects.not.toHaveProperty("name", "TemplateError");
    const again = await renders.render("quote.sent", quote, context);
    expect(again.subject).toContain("Contoso Microsoft 365 rollout");
    expect(renders.workers).toHaveLength(1);
    expect(renders.workers[0]!.threadId).not.toBe(first!.threadId);
  });

  it("lets the renders under way finish on close, and takes no new ones", async () => {
    const renders = pool(2);
    const under = Array.from({ length: 6 }, (_, i) =>
      renders.render("quote.sent", { ...catalog["quote.sent"].example, quoteName: `Quote ${i}` } as never, context),
    );
    await renders.close();
    const done = await Promise.all(under);
    expect(done.map((email) => email.subject)).toEqual(under.map((_, i) => expect.stringContaining(`Quote ${i}`)));
    await expect(renders.render("quote.sent", quote, context)).rejects.toThrow();
  });

  it("a worker stopped mid-render finishes that email before stop() resolves", async () => {
    await ingest({
      type: "subscription.renewed",
      organizationId: "cust_adatum",
      data: { subscriptionId: "sub_3", subscriptionName: "Teams Phone", renewedAt: "2026-11-26T10:00:00Z" },
    });
    const running = worker();
    await running.start();
    // Stop as soon as a job is claimed (rendering or sending): everything claimed still goes out.
    for (let i = 0; i < 500 && (await db.emailDelivery.count({ where: { status: "queued" } })) > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 2));
    await running.stop();
    const rows = await db.emailDelivery.findMany();
    expect(rows.filter((row) => row.status === "sending")).toEqual([]);
    expect(fake.sent).toHaveLength(rows.filter((row) => row.status === "sent").length);
  });
});
