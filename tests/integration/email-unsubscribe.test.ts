import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as unsubscribeLink, POST as oneClick } from "@/app/unsubscribe/route";
import { db } from "@/lib/db";
import { resubscribe, unsubscribeState } from "@/lib/email/unsubscribe";
import { createUnsubscribeToken } from "@/lib/email/unsubscribe-token";
import { callRoute, resetDatabase } from "../support/integration";

const onePost = (token: string) =>
  callRoute(oneClick, `/unsubscribe?token=${encodeURIComponent(token)}`, {
    method: "POST",
    rawBody: "List-Unsubscribe=One-Click",
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });

beforeAll(resetDatabase);
beforeEach(async () => {
  await db.userPreference.deleteMany();
  await db.preferenceChange.deleteMany();
  await db.organizationPreference.deleteMany();
  await db.emailSuppression.deleteMany();
});

describe("one-click unsubscribe (POST /unsubscribe?token=…)", () => {
  it("turns off exactly that type's email for that user, recorded in the history", async () => {
    const token = createUnsubscribeToken({ userId: "u_alice", type: "order.note_added" });
    const res = await onePost(token);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "unsubscribed", type: "order.note_added" });
    expect(
      await db.userPreference.findMany({ select: { userId: true, type: true, channel: true, enabled: true } }),
    ).toEqual([{ userId: "u_alice", type: "order.note_added", channel: "email", enabled: false }]);
    const history = await db.preferenceChange.findMany();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      userId: "u_alice",
      type: "order.note_added",
      channel: "email",
      oldEnabled: null,
      newEnabled: false,
      via: "unsubscribe",
      actorId: "u_alice",
    });
  });

  it("is idempotent (a second POST changes and records nothing)", async () => {
    const token = createUnsubscribeToken({ userId: "u_alice", type: "quote.sent" });
    await onePost(token);
    const again = await onePost(token);
    expect(again.status).toBe(200);
    expect(await db.preferenceChange.count()).toBe(1);
  });

  it("rejects a forged or tampered token with 404 and changes nothing", async () => {
    const good = createUnsubscribeToken({ userId: "u_alice", type: "order.note_added" });
    const [payload, signature] = good.split(".");
    const otherUser = Buffer.from(JSON.stringify({ u: "u_ben", t: "order.note_added" })).toString("base64url");
    for (const token of [
      `${otherUser}.${signature}`,
      `${payload}.${"A".repeat(signature!.length)}`,
      "garbage",
      `${payload}`,
      "",
    ]) {
      const res = await onePost(token);
      expect(res.status, token).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    expect(await db.userPreference.count()).toBe(0);
  });

  it("refuses critical types (409) and explains instead", async () => {
    const token = createUnsubscribeToken({ userId: "u_alice", type: "subscription.renewal_failed" });
    const res = await onePost(token);
    expect(res.status).toBe(409);
    expect(res.json.error.message).toContain("critical");
    expect(await db.userPreference.count()).toBe(0);
    expect((await unsubscribeState(token)).blocked).toContain("critical");
  });

  it("refuses a type whose email an organization locked", async () => {
    await db.organizationPreference.create({
      data: { organizationId: "res_contoso", type: "quote.sent", channel: "email", enabled: true, locked: true },
    });
    const res = await onePost(createUnsubscribeToken({ userId: "u_alice", type: "quote.sent" }));
    expect(res.status).toBe(409);
    expect(await db.userPreference.count()).toBe(0);
  });

  it("suppresses a plain address (no user to hold a preference), and undo lifts only that", async () => {
    const token = createUnsubscribeToken({ address: "ops@vendor.example", type: "order.provisioning_details" });
    expect((await onePost(token)).status).toBe(200);
    expect(await db.emailSuppression.findUnique({ where: { email: "ops@vendor.example" } })).toMatchObject({
      reason: "unsubscribed",
    });
    await resubscribe(token);
    expect(await db.emailSuppression.count()).toBe(0);
    // A bounce is not lifted by an undo.
    await db.emailSuppression.create({ data: { email: "ops@vendor.example", reason: "bounced" } });
    await resubscribe(token);
    expect(await db.emailSuppression.count()).toBe(1);
  });

  it("undo restores the earlier state and records it", async () => {
    const token = createUnsubscribeToken({ userId: "u_ben", type: "payment.autopay_enabled" });
    await onePost(token);
    expect((await unsubscribeState(token)).subscribed).toBe(false);
    const state = await resubscribe(token);
    expect(state.subscribed).toBe(true);
    expect(await db.userPreference.count()).toBe(0); // back to inheriting, as before
    expect(
      (await db.preferenceChange.findMany({ orderBy: { createdAt: "asc" } })).map((c) => [c.oldEnabled, c.newEnabled]),
    ).toEqual([
      [null, false],
      [false, null],
    ]);
  });
});

describe("GET /unsubscribe?token=…", () => {
  it("changes nothing and redirects to the confirmation page", async () => {
    const token = createUnsubscribeToken({ userId: "u_alice", type: "order.note_added" });
    const res = await callRoute(unsubscribeLink, `/unsubscribe?token=${token}`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`http://localhost:3999/unsubscribe/confirm?token=${token}`);
    expect(await db.userPreference.count()).toBe(0);
  });
});
