// An event after each kind of recipient rule change reaches exactly the expected people and
// addresses, through the real ingest pipeline (rules cached and invalidated as in production).
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ingestEvent } from "@/lib/notifications/ingest";
import { catalog } from "@/lib/notifications/catalog";
import { unpackTrail } from "@/lib/notifications/trail";
import { composeEmail } from "@/lib/email/compose";
import { unsubscribe, unsubscribeState } from "@/lib/email/unsubscribe";
import { getEventDetail, findInTrail } from "@/lib/console/event-detail";
import { deleteRecipientRule, saveRecipientRule } from "@/lib/recipient-rules/store";
import type { Recipient } from "@/lib/recipient-rules/schemas";
import { listenForInvalidations } from "@/lib/cache/invalidation";
import { announceFromAnotherInstance, resetDatabase } from "../support/integration";

beforeEach(() => resetDatabase());

const type = "quote.sent"; // catalog: to customer.primary
let counter = 0;

async function send(organizationId = "cust_adatum", extra: Record<string, unknown> = {}) {
  const id = `evt_rules_${++counter}`;
  await ingestEvent(
    { id, type, occurredAt: "2026-11-30T10:00:00Z", organizationId, data: catalog[type].example, ...extra },
    { source: "platform", apiKeyId: null },
  );
  const event = await db.event.findFirstOrThrow({ where: { externalId: id } });
  const [notifications, deliveries] = await Promise.all([
    db.notification.findMany({ where: { eventId: event.id } }),
    db.emailDelivery.findMany({ where: { eventId: event.id } }),
  ]);
  return {
    event,
    inApp: notifications.map((n) => n.userId).sort(),
    email: Object.fromEntries(deliveries.map((d) => [d.toAddress, d.role])),
    deliveries,
  };
}

const as = (organizationId: string, userId: string) => ({ userId, organizationId, via: "admin" as const });
const save = (
  organizationId: string,
  actor: ReturnType<typeof as>,
  rule: Partial<Record<"to" | "cc" | "bcc", Recipient[]>>,
  locked?: boolean,
) =>
  saveRecipientRule({
    actor,
    organizationId,
    type,
    body: { to: rule.to ?? [], cc: rule.cc ?? [], bcc: rule.bcc ?? [], ...(locked !== undefined ? { locked } : {}) },
  });
const ryan = as("res_contoso", "u_ryan");

describe("an event after each kind of rule change", () => {
  it("no rule: the catalog's tokens", async () => {
    const { inApp, email } = await send();
    expect(inApp).toEqual(["u_alice"]);
    expect(email).toEqual({ "alice@adatum.example": "to" });
  });

  it("a reseller's rule with a role, a person, an outside address and a bcc reaches exactly them", async () => {
    await save("res_contoso", ryan, {
      to: [{ role: "billing_admin", of: "customer" }],
      cc: [{ email: "billing@contoso.example" }, { userId: "u_mia" }],
      bcc: [{ token: "reseller.primary" }],
    });
    const { inApp, email } = await send();
    expect(inApp).toEqual(["u_ben", "u_mia"]); // bcc and outside addresses: email only
    expect(email).toEqual({
      "ben@adatum.example": "to",
      "mia@adatum.example": "cc",
      "billing@contoso.example": "cc",
      "ryan@contoso.example": "bcc",
    });
    // Litware is also Contoso's customer: the same rule; it has no billing admin, and Mia is named by id.
    const litware = await send("cust_litware");
    expect(litware.email).toEqual({
      "mia@adatum.example": "cc",
      "billing@contoso.example": "cc",
      "ryan@contoso.example": "bcc",
    });
  });

  it("a customer's own rule applies to it alone; deleting it returns to the inherited one", async () => {
    await save("res_contoso", ryan, { to: [{ token: "reseller.primary" }] });
    await save("cust_adatum", as("cust_adatum", "u_alice"), { to: [{ userId: "u_mia" }] });
    expect((await send()).inApp).toEqual(["u_mia"]);
    expect((await send("cust_litware")).inApp).toEqual(["u_ryan"]);
    await deleteRecipientRule({ actor: as("cust_adatum", "u_alice"), organizationId: "cust_adatum", type });
    expect((await send()).inApp).toEqual(["u_ryan"]);
    await deleteRecipientRule({ actor: ryan, organizationId: "res_contoso", type });
    expect((await send()).inApp).toEqual(["u_alice"]);
  });

  it("a lock above wins over a rule beneath saved before it", async () => {
    await save("cust_adatum", as("cust_adatum", "u_alice"), { to: [{ userId: "u_mia" }] });
    await save("dist_northwind", as("dist_northwind", "u_dana"), { to: [{ token: "distributor.primary" }] }, true);
    expect((await send()).inApp).toEqual(["u_dana"]);
  });

  it("the envelope's explicit users count as To and its emails as outside addresses, on top of the rule", async () => {
    await save("res_contoso", ryan, { cc: [{ token: "customer.primary" }], to: [{ token: "reseller.primary" }] });
    const { inApp, email } = await send("cust_adatum", {
      recipients: { userIds: ["u_alice"], emails: ["Ops@Partner.example"] },
    });
    expect(inApp).toEqual(["u_alice", "u_ryan"]);
    expect(email).toEqual({ "alice@adatum.example": "to", "ryan@contoso.example": "to", "ops@partner.example": "to" });
  });

  it("a deactivated user's address gets nothing, and the trail says why", async () => {
    await db.user.update({ where: { id: "u_mia" }, data: { active: false } });
    await save("res_contoso", ryan, { to: [{ token: "customer.primary" }, { email: "mia@adatum.example" }] });
    const { inApp, email, event } = await send();
    expect(inApp).toEqual(["u_alice"]);
    expect(email).toEqual({ "alice@adatum.example": "to" });
    expect(unpackTrail(event.trail).find((e) => e.userId === "u_mia")).toMatchObject({
      skipped: "inactive",
      via: ["email"],
    });
  });
});

describe("across instances", () => {
  it("a rule saved on another instance applies here once its notice arrives", async () => {
    await send(); // this instance has now cached Contoso's (empty) rules
    const listener = listenForInvalidations(process.env.DATABASE_URL!);
    await listener.started;
    try {
      // Another instance saves a rule (its own transaction) and announces it.
      await db.recipientRule.create({
        data: { organizationId: "res_contoso", type, to: [{ token: "reseller.billing" }], cc: [], bcc: [] },
      });
      await announceFromAnotherInstance("recipient-rules");
      expect((await send()).inApp).toEqual(["u_bill"]);
    } finally {
      await listener.stop();
    }
  });
});

describe("the delivery trail names the rule", () => {
  it("organization, field and entry for each recipient; 'no rule names them' for someone else", async () => {
    await save("res_contoso", ryan, {
      to: [{ role: "billing_admin", of: "customer" }],
      cc: [{ email: "billing@contoso.example" }],
    });
    const { event } = await send();
    const trail = unpackTrail(event.trail);
    expect(trail.find((e) => e.userId === "u_ben")).toMatchObject({
      role: "to",
      via: ["role"],
      rule: {
        source: "organization",
        organizationId: "res_contoso",
        organizationName: "Contoso Reseller",
        field: "to",
        entry: { role: "billing_admin", of: "customer" },
      },
    });
    expect(trail.find((e) => e.address === "billing@contoso.example")).toMatchObject({
      role: "cc",
      rule: { field: "cc", entry: { email: "billing@contoso.example" } },
    });
    const detail = (await getEventDetail(event.id))!;
    expect(detail.appliedRule).toMatchObject({ source: "organization", organizationName: "Contoso Reseller" });
    expect(await findInTrail(detail, "alice@adatum.example")).toMatchObject({ found: false });
    const notification = await db.notification.findFirstOrThrow({ where: { eventId: event.id, userId: "u_ben" } });
    expect(notification.reason).toBe("You are a billing admin of Adatum Corporation");
  });
});

describe("outside addresses", () => {
  it("get a branded email with a working one-click unsubscribe for the address", async () => {
    await save("res_contoso", ryan, {
      to: [{ token: "customer.primary" }],
      cc: [{ email: "finance@adatum-shared.example" }],
    });
    const { deliveries } = await send();
    const job = deliveries.find((d) => d.toAddress === "finance@adatum-shared.example")!;
    expect(job).toMatchObject({ userId: null, notificationId: null, secret: null, role: "cc" });
    const email = await composeEmail({ ...job, attempts: 0 });
    expect(email.from).toContain("Contoso Reseller");
    expect(email.text).toContain("Contoso Reseller's notification settings");
    const token = new URL(email.headers["List-Unsubscribe"]!.slice(1, -1)).searchParams.get("token")!;
    expect((await unsubscribeState(token)).subscribed).toBe(true);
    await unsubscribe(token);
    expect((await unsubscribeState(token)).subscribed).toBe(false);
  });
});
