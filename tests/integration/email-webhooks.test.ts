import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as webhook } from "@/app/api/webhooks/resend/route";
import { db } from "@/lib/db";
import { resendTransport, type EmailTransport } from "@/lib/email/transport";
import { createEmailWorker } from "@/lib/email/worker";
import { ingest } from "../support/email";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { callRoute, resetDatabase } from "../support/integration";

const SECRET = vi.hoisted(() => {
  const secret = `whsec_${Buffer.from("resend-webhook-test-secret-0123456789").toString("base64")}`;
  process.env.RESEND_WEBHOOK_SECRET = secret;
  return secret;
});

let fake: FakeResend;
let transport: EmailTransport;
let counter = 0;

const renewed = {
  type: "subscription.renewed",
  organizationId: "cust_adatum",
  data: { subscriptionId: "sub_2", subscriptionName: "Teams Phone", renewedAt: "2026-11-26T10:00:00Z" },
};

/** Queues and sends one email to alice; returns its delivery row. */
async function sendOne() {
  await ingest(renewed);
  await createEmailWorker({ transport, listen: false, log: () => {} }).drain();
  return db.emailDelivery.findFirstOrThrow({
    where: { toAddress: "alice@adatum.example", status: "sent" },
    orderBy: { createdAt: "desc" },
  });
}

function signed(payload: unknown, options: { id?: string; at?: Date; secret?: string } = {}) {
  const id = options.id ?? `msg_${++counter}`;
  const at = options.at ?? new Date();
  const body = JSON.stringify(payload);
  const signature = new Webhook(options.secret ?? SECRET).sign(id, at, body);
  return {
    rawBody: body,
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": signature,
    },
  };
}

const event = (type: string, emailId: string, extra: Record<string, unknown> = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: { email_id: emailId, to: ["alice@adatum.example"], subject: "Renewed: Teams Phone", ...extra },
});

const post = (request: ReturnType<typeof signed>) =>
  callRoute(webhook, "/api/webhooks/resend", { method: "POST", ...request });

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
afterAll(() => fake.close());

describe("POST /api/webhooks/resend", () => {
  it("records delivered on the delivery found by its Resend id", async () => {
    const job = await sendOne();
    const res = await post(signed(event("email.delivered", job.providerId!)));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "recorded", deliveryId: job.id, kind: "delivered" });
    expect((await db.emailDelivery.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("delivered");
  });

  it("never moves a status backwards (a late 'sent' after 'delivered')", async () => {
    const job = await sendOne();
    await post(signed(event("email.delivered", job.providerId!)));
    await post(signed(event("email.sent", job.providerId!)));
    await post(signed(event("email.delivery_delayed", job.providerId!)));
    expect((await db.emailDelivery.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("delivered");
    const kinds = (await db.emailEvent.findMany({ where: { deliveryId: job.id, webhookId: { not: null } } }))
      .map((e) => e.kind)
      .sort();
    expect(kinds).toEqual(["delivered", "delivery_delayed", "sent"]);
  });

  it("finds the delivery through its tag when the send's answer is not stored yet", async () => {
    const job = await sendOne();
    const res = await post(signed(event("email.delivered", "re_unknown", { tags: { delivery_id: job.id } })));
    expect(res.json.status).toBe("recorded");
  });

  it("rejects a bad signature, a stale timestamp and a missing signature with 401, changing nothing", async () => {
    const job = await sendOne();
    const forged = signed(event("email.bounced", job.providerId!), {
      secret: `whsec_${Buffer.from("someone-else-0123456789").toString("base64")}`,
    });
    const stale = signed(event("email.bounced", job.providerId!), { at: new Date(Date.now() - 10 * 60_000) });
    const unsigned = {
      rawBody: JSON.stringify(event("email.bounced", job.providerId!)),
      headers: { "content-type": "application/json" },
    };
    const tampered = signed(event("email.delivered", job.providerId!));
    tampered.rawBody = tampered.rawBody.replace("email.delivered", "email.bounced");
    for (const request of [forged, stale, unsigned, tampered]) {
      const res = await callRoute(webhook, "/api/webhooks/resend", { method: "POST", ...request });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("unauthorized");
    }
    expect((await db.emailDelivery.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("sent");
    expect(await db.emailSuppression.count()).toBe(0);
  });

  it("records a replay (same svix-id) once", async () => {
    const job = await sendOne();
    const request = signed(event("email.delivered", job.providerId!), { id: "msg_replayed" });
    const first = await post(request);
    const again = await post(request);
    const concurrent = await Promise.all([post(request), post(request)]);
    expect(first.json.status).toBe("recorded");
    expect(again.status).toBe(200);
    expect(again.json.status).toBe("duplicate");
    expect(concurrent.map((r) => r.json.status)).toEqual(["duplicate", "duplicate"]);
    expect(await db.emailEvent.count({ where: { webhookId: "msg_replayed" } })).toBe(1);
  });

  it("suppresses the address after a hard bounce: later emails to it are not sent", async () => {
    const job = await sendOne();
    const res = await post(
      signed(
        event("email.bounced", job.providerId!, {
          bounce: { type: "Permanent", subType: "General", message: "Mailbox does not exist" },
        }),
      ),
    );
    expect(res.json.kind).toBe("bounced");
    const bounced = await db.emailDelivery.findUniqueOrThrow({ where: { id: job.id } });
    expect(bounced.status).toBe("bounced");
    expect(bounced.lastError).toContain("Mailbox does not exist");
    expect(await db.emailSuppression.findUnique({ where: { email: "alice@adatum.example" } })).toMatchObject({
      reason: "bounced",
    });

    fake.reset();
    await ingest(renewed);
    await createEmailWorker({ transport, listen: false, log: () => {} }).drain();
    const next = await db.emailDelivery.findFirstOrThrow({
      where: { toAddress: "alice@adatum.example" },
      orderBy: { createdAt: "desc" },
    });
    expect(next.status).toBe("suppressed");
    expect(fake.requests).toHaveLength(0);
  });

  it("does not suppress after a transient bounce; does after a complaint", async () => {
    const job = await sendOne();
    await post(
      signed(event("email.bounced", job.providerId!, { bounce: { type: "Transient", subType: "MailboxFull" } })),
    );
    expect(await db.emailSuppression.count()).toBe(0);
    await post(signed(event("email.complained", job.providerId!)));
    expect(await db.emailSuppression.findUnique({ where: { email: "alice@adatum.example" } })).toMatchObject({
      reason: "complained",
    });
  });

  it("a digest's hard bounce suppresses its address and marks the digest; a replay changes nothing", async () => {
    const digest = await db.emailDigest.create({
      data: {
        userId: "u_alice",
        cadence: "daily",
        dueAt: new Date(Date.now() - 60_000),
        runAt: new Date(Date.now() - 60_000),
        status: "sent",
        providerId: "re_digest_1",
        itemCount: 3,
      },
    });
    const bounce = signed(
      event("email.bounced", "re_digest_1", {
        bounce: { type: "Permanent", subType: "General", message: "No such user" },
      }),
    );
    expect((await post(bounce)).json).toEqual({ status: "recorded", digestId: digest.id, kind: "bounced" });
    expect(await db.emailDigest.findUniqueOrThrow({ where: { id: digest.id } })).toMatchObject({
      status: "bounced",
      lastError: expect.stringContaining("No such user"),
    });
    expect(await db.emailSuppression.findUnique({ where: { email: "alice@adatum.example" } })).toMatchObject({
      reason: "bounced",
    });
    // A late "delivered" does not move it back; the replay finds everything done.
    await post(signed(event("email.delivered", "re_digest_1")));
    expect((await post(bounce)).status).toBe(200);
    expect((await db.emailDigest.findUniqueOrThrow({ where: { id: digest.id } })).status).toBe("bounced");
    expect(await db.emailSuppression.count()).toBe(1);
    await db.emailDigest.deleteMany();
  });

  it("ignores events for mail it did not send and event kinds it does not track", async () => {
    expect((await post(signed(event("email.delivered", "re_not_ours")))).json).toEqual({ status: "ignored" });
    const job = await sendOne();
    expect((await post(signed(event("email.opened", job.providerId!)))).json).toEqual({ status: "ignored" });
  });

  it("answers 422 for a signed body that is not a webhook event", async () => {
    const res = await post(signed({ hello: "world" }));
    expect(res.status).toBe(422);
  });
});
