// The app server's queue thread (lib/server/queue-thread.ts): the email worker runs in a thread of
// its own at QUEUE_THREAD_NICE, sends what ingest queued through the real Resend SDK to the local
// fake, its sends show in this thread's /metrics, a thread that dies is started again, and stop()
// returns only after the send in flight was answered and recorded.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { renderMetrics } from "@/lib/observability/metrics";
import { startQueueThread, type QueueThread } from "@/lib/server/queue-thread";
import { storeForegroundLoad, type YieldPolicy } from "@/lib/queue/foreground";
import { ingest, until } from "../support/email";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { resetDatabase } from "../support/integration";
import { parsePrometheus, sampleValue } from "../support/prometheus";

let fake: FakeResend;
let thread: QueueThread | undefined;
const logged: string[] = [];

// One email, to Alice (the customer's primary contact, email on by default).
const renewed = {
  type: "subscription.renewed",
  organizationId: "cust_adatum",
  recipients: { userIds: ["u_alice"] },
  data: { subscriptionId: "sub_2", subscriptionName: "Teams Phone", renewedAt: "2026-11-26T10:00:00Z" },
};

/** Nice values of this process's threads (Linux: field 19 of /proc/self/task/<tid>/stat). */
function threadNiceValues(): number[] {
  return readdirSync("/proc/self/task").flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      return [Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16])];
    } catch {
      return [];
    }
  });
}

/** A sample of this thread's /metrics by its name and labels, 0 when absent. */
const metric = async (name: string, labels: Record<string, string> = {}) =>
  sampleValue(parsePrometheus((await renderMetrics()).body).samples, name, labels);
const sentEmails = () => metric("nc_send_attempts_total", { channel: "email", result: "sent" });
const emailYieldSeconds = () => metric("nc_queue_yield_seconds_total", { queue: "email" });

beforeAll(async () => {
  await resetDatabase();
  fake = await startFakeResend();
  // The thread reads its configuration as the server does, from the environment it starts with.
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = fake.url;
});
beforeEach(async () => {
  await db.emailDelivery.deleteMany();
  fake.reset();
  logged.length = 0;
});
afterEach(async () => {
  setLoad(0);
  fake.setDelay(0);
  await thread?.stop();
  thread = undefined;
});
afterAll(async () => {
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  await fake.close();
});

// The main thread's load as the thread sees it, written by hand (lib/queue/foreground.ts samples it).
const load = new SharedArrayBuffer(4);
const setLoad = (utilization: number) => storeForegroundLoad(load, utilization);

// The defaults of QUEUE_YIELD_ELU and QUEUE_YIELD_MAX_MS.
const start = (yieldPolicy = { threshold: 0.5, maxWaitMs: 1_000 }) =>
  startQueueThread({
    email: true,
    webhooks: false,
    nice: 7,
    yieldPolicy,
    foreground: { buffer: load, stop: () => {} },
    log: (line) => logged.push(line),
  }).then((t) => (thread = t));

/** Starts the thread and has it send one email, so that it and its render threads are up. */
async function startWarm(yieldPolicy: YieldPolicy) {
  await start(yieldPolicy);
  await ingest(renewed);
  await until(() => db.emailDelivery.findFirst({ where: { status: "sent" } }), 15_000, "the first email sent");
  // Its attempt is recorded right after the status: deleting before that would fail the record.
  await until(() => db.emailEvent.findFirst({ where: { kind: "attempt" } }), 5_000, "the first send recorded");
  await db.emailDelivery.deleteMany();
  fake.reset();
}

describe("the queue thread", () => {
  it("sends what ingest queued, from a thread at the configured nice value, counted in this thread's /metrics", async () => {
    const niceBefore = threadNiceValues().filter((nice) => nice === 7).length;
    const countedBefore = await sentEmails();
    await start();
    expect(threadNiceValues().filter((nice) => nice === 7).length).toBe(niceBefore + 1);

    const { eventId } = await ingest(renewed);
    const sent = await until(() => db.emailDelivery.findFirst({ where: { status: "sent" } }), 15_000, "the email sent");
    expect(fake.sent.map((email) => email.body.to)).toEqual(["alice@adatum.example"]);
    expect(fake.sent[0]!.body.subject).toContain("Teams Phone");
    expect(sent.toAddress).toBe("alice@adatum.example");
    expect(eventId).toBeTruthy();
    await until(async () => (await sentEmails()) === countedBefore + 1, 5_000, "the send counted in /metrics");
  });

  it("is started again when it dies, and sends what was queued meanwhile", async () => {
    const queueThread = await start();
    // The thread ends abruptly, as after a fatal error inside it.
    await queueThread.worker.terminate();
    await until(async () => logged.some((line) => /starting it again/.test(line)), 5_000, "the restart logged");
    await ingest(renewed);
    await until(
      () => db.emailDelivery.findFirst({ where: { status: "sent" } }),
      20_000,
      "the email sent after restart",
    );
    expect(fake.sent).toHaveLength(1);
  });

  it("gives way while the main thread is busy, and sends once it is not; /metrics shows the load and the wait", async () => {
    await startWarm({ threshold: 0.5, maxWaitMs: 60_000 });
    const waitedBefore = await emailYieldSeconds();
    setLoad(0.9);
    await ingest(renewed);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(fake.requests).toHaveLength(0);
    expect(await metric("nc_api_event_loop_utilization")).toBe(0.9);
    setLoad(0.3);
    await until(() => db.emailDelivery.findFirst({ where: { status: "sent" } }), 15_000, "the email sent");
    expect(fake.requests).toHaveLength(1);
    // The thread hands its counts over every second; the claim waited about 2 s.
    await until(async () => (await emailYieldSeconds()) - waitedBefore >= 1.5, 5_000, "the wait counted in /metrics");
    expect(await metric("nc_api_event_loop_utilization")).toBe(0.3);
  });

  it("waits no longer than its limit under a load that does not end", async () => {
    await startWarm({ threshold: 0.5, maxWaitMs: 300 });
    setLoad(0.9);
    await ingest(renewed);
    await until(() => db.emailDelivery.findFirst({ where: { status: "sent" } }), 15_000, "the email sent");
    expect(fake.requests).toHaveLength(1);
  });

  it("stops only after the send in flight was answered and recorded", async () => {
    const queueThread = await start();
    fake.setDelay(1_500);
    await ingest(renewed);
    await until(async () => fake.pending() > 0, 15_000, "the send in flight");
    await queueThread.stop();
    thread = undefined;
    expect(fake.sent).toHaveLength(1);
    const [delivery] = await db.emailDelivery.findMany();
    expect(delivery!.status).toBe("sent");
  });
});
