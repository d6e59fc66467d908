// Digests and quiet hours end to end: events through the real ingest route, the real email worker
// (two of them, and one that dies mid-way), the real Resend SDK against the local fake, real
// Postgres. Time passes by moving every digest window and held job back by the same amount (the
// database's clock is the worker's), which is what the real clock would do.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, sql } from "@/lib/db";
import { claimDueDigests, prepareDigest, sweepLateJobs } from "@/lib/email/digest";
import { resendTransport, type EmailTransport } from "@/lib/email/transport";
import { createEmailWorker, type EmailWorker } from "@/lib/email/worker";
import { verifyUnsubscribeToken } from "@/lib/email/unsubscribe-token";
import { unsubscribe } from "@/lib/email/unsubscribe";
import { changeUserCadence, changeOrganizationCadence, setDeliverySchedule } from "@/lib/preferences/cadence";
import { listUserPreferences } from "@/lib/preferences/user-preferences";
import { getEventDetail } from "@/lib/console/event-detail";
import { ingest } from "../support/email";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { resetDatabase } from "../support/integration";
import { invalidate } from "@/lib/cache/invalidation";

let fake: FakeResend;
let transport: EmailTransport;
const workers: EmailWorker[] = [];

function worker() {
  const created = createEmailWorker({
    transport,
    timing: { pollMs: 50, leaseMs: 400, backoffBaseMs: 40, backoffMaxMs: 2_000, maxAttempts: 3 },
    listen: false,
    log: () => {},
  });
  workers.push(created);
  return created;
}

let quotes = 0;
const quoteSent = (userIds: string[], organizationId = "cust_litware") => {
  const name = `Digest quote ${++quotes}`;
  return {
    name,
    envelope: {
      type: "quote.sent",
      organizationId,
      recipients: { userIds },
      data: {
        quoteId: `quote_${quotes}`,
        quoteName: name,
        totalAmount: "100.00",
        currency: "EUR",
        accountManager: { name: "Jonas Weber" },
      },
    },
  };
};

/** Every digest window and held job moves back until the latest window has passed. */
async function windowsEnd() {
  await db.$executeRaw(sql`
    WITH shift AS (
      SELECT COALESCE(max("dueAt"), now() AT TIME ZONE 'UTC') - (now() AT TIME ZONE 'UTC') + interval '1 second' AS by
      FROM "EmailDigest" WHERE status = 'queued')
    UPDATE "EmailDigest" SET "dueAt" = "dueAt" - shift.by, "runAt" = "runAt" - shift.by FROM shift
    WHERE status = 'queued' AND shift.by > interval '0'`);
  await db.$executeRaw(sql`
    UPDATE "EmailDelivery" d SET "digestAt" = g."dueAt", "runAt" = g."dueAt"
    FROM "EmailDigest" g WHERE d.status = 'held' AND g."userId" = d."userId" AND g.status = 'queued'
      AND d."digestAt" > g."dueAt"`);
}

const textOf = (email: { body: any }) => String(email.body.text);

beforeAll(async () => {
  await resetDatabase();
  fake = await startFakeResend();
  transport = resendTransport({ apiKey: "re_test_key", baseUrl: fake.url });
});
beforeEach(async () => {
  // The directory and the API key stay; everything a test changes goes.
  await db.emailDelivery.deleteMany();
  await db.emailDigest.deleteMany();
  await db.notification.deleteMany();
  await db.userCadence.deleteMany();
  await db.organizationCadence.deleteMany();
  await db.deliverySchedule.deleteMany();
  await db.userPreference.deleteMany();
  await db.user.updateMany({ data: { timezone: "UTC" } });
  invalidate("organization-preferences");
  fake.reset();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()));
});
afterAll(() => fake.close());

describe("a daily digest", () => {
  it("lists the period's notifications grouped by category with links, once; critical mail still goes at once", async () => {
    await db.user.update({ where: { id: "u_liam" }, data: { timezone: "Europe/Berlin" } });
    for (const category of ["quotes", "subscriptions"] as const)
      await changeUserCadence({ userId: "u_liam", category, cadence: "daily", actorId: "u_liam" });
    const first = quoteSent(["u_liam"]);
    const second = quoteSent(["u_liam"]);
    const { id: firstEventId } = await ingest(first.envelope);
    await ingest(second.envelope);
    await ingest({
      type: "subscription.renewal_failed",
      organizationId: "cust_litware",
      recipients: { userIds: ["u_liam"] },
      data: { subscriptionId: "sub_1", subscriptionName: "Microsoft 365 E3", errorMessage: "Card declined" },
    });

    const liam = await db.emailDelivery.findMany({ where: { userId: "u_liam" } });
    expect(liam.filter((job) => job.status === "held")).toHaveLength(2);
    // The trail says where the email went: into the daily digest at 08:00 on Liam's clock.
    const detail = await getEventDetail((await db.event.findFirstOrThrow({ where: { externalId: firstEventId } })).id);
    const entry = detail!.trail.find((e) => e.userId === "u_liam")!;
    expect(entry.email?.held).toMatchObject({ reason: "digest", cadence: "daily", timezone: "Europe/Berlin" });
    expect(entry.delivery?.status).toBe("held");

    // Before the window ends only the critical email goes.
    await worker().drain();
    const toLiam = () => fake.sent.filter((email) => email.body.to.includes("liam@litware.example"));
    expect(toLiam().map((email) => email.body.subject)).toEqual([expect.stringMatching(/renewal/i)]);

    await windowsEnd();
    await worker().drain();
    expect(toLiam()).toHaveLength(2);
    const digest = toLiam()[1]!;
    expect(digest.body.subject).toBe("Your daily digest: 2 notifications");
    expect(digest.body.to).toBe("liam@litware.example");
    const text = textOf(digest);
    expect(text.toLowerCase()).toContain("quotes and proposals (2)");
    expect(text).toContain(`New quote: ${first.name}`);
    expect(text).toContain(`New quote: ${second.name}`);
    expect(digest.body.html).toContain("/quotes/quote_");
    const unsubscribeUrl = /<([^>]+)>/.exec(digest.body.headers["List-Unsubscribe"])![1]!;
    expect(digest.body.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(verifyUnsubscribeToken(new URL(unsubscribeUrl).searchParams.get("token"))).toEqual({
      userId: "u_liam",
      categories: ["quotes"],
    });
    const jobs = await db.emailDelivery.findMany({ where: { userId: "u_liam", type: "quote.sent" } });
    expect(jobs.every((job) => job.status === "sent" && job.digestId)).toBe(true);
    expect(await db.emailDigest.findMany({ select: { status: true, itemCount: true } })).toEqual([
      { status: "sent", itemCount: 2 },
    ]);

    // Nothing is sent twice.
    await worker().drain();
    expect(toLiam()).toHaveLength(2);

    // One click on the digest's List-Unsubscribe turns its categories' email off.
    await unsubscribe(new URL(unsubscribeUrl).searchParams.get("token"));
    const email = (await listUserPreferences("u_liam")).filter((c) => c.channel === "email" && c.category === "quotes");
    expect(email.every((cell) => !cell.enabled)).toBe(true);
  });

  it("an empty window sends nothing", async () => {
    await db.emailDigest.create({
      data: { userId: "u_liam", cadence: "daily", dueAt: new Date(Date.now() - 1000), runAt: new Date(0) },
    });
    await worker().drain();
    expect(fake.sent).toHaveLength(0);
    expect((await db.emailDigest.findFirstOrThrow()).status).toBe("empty");
  });
});

describe("exactly once", () => {
  it("two workers and one that dies after binding (and after sending one): every item in one digest, once", async () => {
    const users = ["u_liam", "u_alice", "u_ben", "u_mia", "u_ryan", "u_amy", "u_bill"];
    await changeOrganizationCadence({
      actorId: "u_dana",
      actorOrganizationId: "dist_northwind",
      organizationId: "dist_northwind",
      category: "quotes",
      cadence: "hourly",
    });
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      const event = quoteSent(users);
      names.push(event.name);
      await ingest(event.envelope);
    }
    const held = await db.emailDelivery.count({ where: { status: "held" } });
    expect(held).toBe(users.length * names.length);
    await windowsEnd();

    // A worker claims three digests, binds and renders them, sends the first, and dies.
    const dying = await claimDueDigests(3, 300);
    expect(dying).toHaveLength(3);
    for (const [index, digest] of dying.entries()) {
      const email = await prepareDigest(digest);
      if (index === 0) expect((await transport.send(email!)).ok).toBe(true);
    }
    await new Promise((resolve) => setTimeout(resolve, 400)); // its leases run out

    const [a, b] = [worker(), worker()];
    await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);

    expect(fake.sent).toHaveLength(users.length);
    const recipients = fake.sent.map((email) => email.body.to as string);
    expect(new Set(recipients).size).toBe(users.length);
    for (const email of fake.sent) {
      const text = textOf(email);
      for (const name of names) expect(text.split(`New quote: ${name}`).length - 1, `${name} once`).toBe(1);
    }
    const digests = await db.emailDigest.findMany();
    expect(digests.map((d) => [d.status, d.itemCount])).toEqual(users.map(() => ["sent", names.length]));
    expect(await db.emailDelivery.count({ where: { status: { not: "sent" } } })).toBe(0);
  });

  it("a job stored after its window's digest was bound joins a digest due now", async () => {
    await changeUserCadence({ userId: "u_liam", category: "quotes", cadence: "hourly", actorId: "u_liam" });
    await ingest(quoteSent(["u_liam"]).envelope);
    await windowsEnd();
    await worker().drain();
    expect(fake.sent).toHaveLength(1);
    const sent = await db.emailDigest.findFirstOrThrow();

    // Ingest committed just as the window closed: its job names the window whose digest is gone.
    const late = quoteSent(["u_liam"]);
    await ingest(late.envelope);
    await db.$executeRaw(sql`
      UPDATE "EmailDelivery" SET "digestAt" = ${sent.dueAt}, "runAt" = ${sent.dueAt} WHERE status = 'held'`);
    await db.$executeRaw(sql`DELETE FROM "EmailDigest" WHERE status = 'queued'`);
    expect(await sweepLateJobs(0)).toBe(1);
    await worker().drain();
    expect(fake.sent).toHaveLength(2);
    expect(textOf(fake.sent[1]!)).toContain(late.name);
    expect(textOf(fake.sent[1]!)).not.toContain("Digest quote 1\n");
  });
});

describe("quiet hours", () => {
  it("an instant email created inside them waits until they end; in-app is never held", async () => {
    // Quiet all day except the minute before now, so now is inside whatever the clock says.
    const now = new Date();
    const minute = now.getUTCHours() * 60 + now.getUTCMinutes();
    await setDeliverySchedule("u_liam", {
      quietHours: { start: (minute + 1439 - 5) % 1440, end: (minute + 10) % 1440, days: "every_day" },
    });
    const event = quoteSent(["u_liam"]);
    const { id } = await ingest(event.envelope);
    const job = await db.emailDelivery.findFirstOrThrow({ where: { userId: "u_liam" } });
    expect(job.status).toBe("queued");
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now() + 8 * 60_000);
    expect(await db.notification.count({ where: { userId: "u_liam" } })).toBe(1);
    const detail = await getEventDetail((await db.event.findFirstOrThrow({ where: { externalId: id } })).id);
    expect(detail!.trail.find((e) => e.userId === "u_liam")!.email?.held).toMatchObject({
      reason: "quiet_hours",
      timezone: "UTC",
    });
    await worker().drain();
    expect(fake.sent).toHaveLength(0);
  });
});
