// Item 12: unsubscribe links expire (UNSUBSCRIBE_LINK_DAYS, 60 by default), and an address-level
// unsubscribe (one-click, List-Unsubscribe-Post) never silences critical types.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import UnsubscribePage from "@/app/unsubscribe/confirm/page";
import { POST as oneClick } from "@/app/unsubscribe/route";
import { db } from "@/lib/db";
import { composeEmail } from "@/lib/email/compose";
import { resendTransport } from "@/lib/email/transport";
import { unsubscribeState } from "@/lib/email/unsubscribe";
import { createUnsubscribeToken } from "@/lib/email/unsubscribe-token";
import { createEmailWorker, type EmailWorker } from "@/lib/email/worker";
import { ingest } from "../support/email";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { callRoute, resetDatabase } from "../support/integration";

const DAY = 86_400_000;
const onePost = (token: string) =>
  callRoute(oneClick, `/unsubscribe?token=${encodeURIComponent(token)}`, {
    method: "POST",
    rawBody: "List-Unsubscribe=One-Click",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
const page = async (token: string) =>
  renderToStaticMarkup(await UnsubscribePage({ searchParams: Promise.resolve({ token }) }));

let fake: FakeResend;
let worker: EmailWorker;

beforeAll(async () => {
  await resetDatabase();
  fake = await startFakeResend();
  worker = createEmailWorker({
    transport: resendTransport({ apiKey: "re_test_key", baseUrl: fake.url }),
    timing: { pollMs: 50, backoffBaseMs: 40, backoffMaxMs: 200, maxAttempts: 2 },
    listen: false,
    batchSize: 1,
    log: () => {},
  });
});
beforeEach(async () => {
  await db.userPreference.deleteMany();
  await db.preferenceChange.deleteMany();
  await db.emailSuppression.deleteMany();
  fake.reset();
});
afterAll(async () => {
  await worker.stop();
  await fake.close();
});

describe("unsubscribe links expire", () => {
  it("a link works until 60 days after its email, then changes nothing and says it expired", async () => {
    const issued = Date.now() - 61 * DAY;
    const expired = createUnsubscribeToken({ userId: "u_alice", type: "order.note_added" }, issued);
    const res = await onePost(expired);
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
    expect(res.json.error.message).toMatch(/expired/);
    expect(await db.userPreference.count()).toBe(0);
    await expect(unsubscribeState(expired)).rejects.toThrow(/expired/);

    // 59 days old: still works.
    const recent = createUnsubscribeToken({ userId: "u_alice", type: "order.note_added" }, Date.now() - 59 * DAY);
    expect((await onePost(recent)).status).toBe(200);
    expect(await db.userPreference.count()).toBe(1);
  });

  it("a link of an email sent before links expired (no expiry in it) counts as expired", async () => {
    const fresh = createUnsubscribeToken({ userId: "u_alice", type: "order.note_added" });
    const { createHmac, hkdfSync } = await import("node:crypto");
    const payload = Buffer.from(JSON.stringify({ u: "u_alice", t: "order.note_added" })).toString("base64url");
    const keyBytes = Buffer.from(
      hkdfSync("sha256", process.env.AUTH_SECRET!, "notification-center", "unsubscribe-token", 32),
    );
    const legacy = `${payload}.${createHmac("sha256", keyBytes).update(payload).digest("base64url")}`;
    expect(fresh).not.toBe(legacy);
    const res = await onePost(legacy);
    expect(res.status).toBe(404);
    expect(res.json.error.message).toMatch(/expired/);
  });

  it("the page of an expired link explains and leads to the settings after signing in", async () => {
    const expired = createUnsubscribeToken({ userId: "u_alice", type: "order.note_added" }, Date.now() - 90 * DAY);
    const html = await page(expired);
    expect(html).toContain("This link has expired");
    expect(html).toContain("60 days");
    expect(html).toMatch(/href="\/settings\/notifications"[^>]*>Sign in to manage your notification settings/);
    expect(html).not.toContain("Unsubscribe</button>");
    // A forged link still reads as not valid, not as expired.
    expect(await page("forged.token")).toContain("This link is not valid");
  });

  it("every email carries a link that is valid now", async () => {
    const event = await ingest({
      type: "subscription.renewed",
      organizationId: "cust_adatum",
      data: { subscriptionId: "sub_link", subscriptionName: "Teams Phone", renewedAt: "2026-11-26T10:00:00Z" },
    });
    const job = await db.emailDelivery.findFirstOrThrow({ where: { event: { externalId: event.id } } });
    const email = await composeEmail({ ...job, attempts: 0 });
    const token = /token=([^>]+)>/.exec(email.headers["List-Unsubscribe"]!)![1]!;
    expect((await unsubscribeState(token)).subscribed).toBe(true);
  });
});

describe("an address-level unsubscribe", () => {
  const address = "ops@vendor.example";
  const critical = {
    type: "subscription.renewal_failed",
    organizationId: "cust_adatum",
    recipients: { emails: [address] },
    data: { subscriptionId: "sub_crit", subscriptionName: "Microsoft 365 E3", errorMessage: "Card declined" },
  };
  const ordinary = {
    type: "subscription.renewed",
    organizationId: "cust_adatum",
    recipients: { emails: [address] },
    data: { subscriptionId: "sub_ord", subscriptionName: "Teams Phone", renewedAt: "2026-11-26T10:00:00Z" },
  };
  const sentTo = async (eventId: string) => {
    await worker.drain();
    const jobs = await db.emailDelivery.findMany({ where: { event: { externalId: eventId }, toAddress: address } });
    expect(jobs).toHaveLength(1);
    return { status: jobs[0]!.status, received: fake.sent.some((email) => email.key === jobs[0]!.id) };
  };

  it("one-click from an ordinary email stops ordinary emails, never critical ones", async () => {
    const token = createUnsubscribeToken({ address, type: "subscription.renewed" });
    expect((await onePost(token)).status).toBe(200);
    expect(await sentTo((await ingest(ordinary)).id)).toEqual({ status: "suppressed", received: false });
    expect(await sentTo((await ingest(critical)).id)).toEqual({ status: "sent", received: true });
  });

  it("one-click from a critical email is refused (409) and suppresses nothing", async () => {
    const token = createUnsubscribeToken({ address, type: "subscription.renewal_failed" });
    const res = await onePost(token);
    expect(res.status).toBe(409);
    expect(res.json.error.message).toContain("critical");
    expect(await db.emailSuppression.count()).toBe(0);
    expect(await sentTo((await ingest(ordinary)).id)).toEqual({ status: "sent", received: true });
  });

  it("a bounce still stops critical emails too", async () => {
    await db.emailSuppression.create({ data: { email: address, reason: "bounced" } });
    expect(await sentTo((await ingest(critical)).id)).toEqual({ status: "suppressed", received: false });
  });
});
