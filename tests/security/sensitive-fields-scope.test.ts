// Sensitive fields (organization.tenant_created's temporaryPassword) reach only `to` recipients
// who belong to the event's organization or one above it: never an actor or an explicit user from
// an unrelated organization, never cc or bcc, never an outside address — whatever a rule says.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ingestEvent } from "@/lib/notifications/ingest";
import { catalog } from "@/lib/notifications/catalog";
import { composeEmail } from "@/lib/email/compose";
import { saveRecipientRule } from "@/lib/recipient-rules/store";
import { resetDatabase } from "../support/integration";

beforeEach(() => resetDatabase());

const type = "organization.tenant_created"; // catalog: to actor / cc reseller.primary, customer.primary
const password = String((catalog[type].example as Record<string, unknown>).temporaryPassword);
let counter = 0;

async function send(extra: Record<string, unknown>) {
  const id = `evt_sensitive_${++counter}`;
  await ingestEvent(
    {
      id,
      type,
      occurredAt: "2026-11-30T10:00:00Z",
      organizationId: "cust_adatum",
      data: catalog[type].example,
      ...extra,
    },
    { source: "platform", apiKeyId: null },
  );
  const deliveries = await db.emailDelivery.findMany({ where: { event: { externalId: id } } });
  // Each address → whether its composed email carries the password.
  const carries: Record<string, boolean> = {};
  for (const job of deliveries) {
    const email = await composeEmail({ ...job, attempts: 0 });
    carries[job.toAddress] = email.html.includes(password) || email.text.includes(password);
  }
  return carries;
}

describe("sensitive fields scope", () => {
  it("an actor from an unrelated organization in To does not get them; the customer's own To does", async () => {
    const carries = await send({ actor: { userId: "u_tom" } }); // Tom is Tailspin's (another reseller's customer)
    expect(carries).toEqual({
      "tom@tailspin.example": false,
      "ryan@contoso.example": false, // cc
      "alice@adatum.example": false, // cc
    });
    const own = await send({ actor: { userId: "u_alice" } }); // Adatum's own admin performed it
    expect(own["alice@adatum.example"]).toBe(true); // to wins over her cc (strongest field)
    expect(own["ryan@contoso.example"]).toBe(false);
  });

  it("explicit users from elsewhere get the email without them; one of an organization above gets them", async () => {
    const carries = await send({ actor: { userId: "u_alice" }, recipients: { userIds: ["u_wendy", "u_dana"] } });
    expect(carries["wendy@woodgrove.example"]).toBe(false); // another reseller's customer
    expect(carries["dana@northwind.example"]).toBe(true); // Adatum's distributor: above it
    expect(carries["alice@adatum.example"]).toBe(true);
  });

  it("a rule's To outside address, Cc and Bcc never get them", async () => {
    await saveRecipientRule({
      actor: { userId: "u_ryan", organizationId: "res_contoso", via: "admin" },
      organizationId: "res_contoso",
      type,
      body: {
        to: [{ token: "customer.primary" }, { email: "it@outsourcer.example" }],
        cc: [{ role: "billing_admin", of: "customer" }],
        bcc: [{ token: "reseller.primary" }],
      },
    });
    const carries = await send({});
    expect(carries).toEqual({
      "alice@adatum.example": true,
      "it@outsourcer.example": false,
      "ben@adatum.example": false,
      "ryan@contoso.example": false,
    });
  });

  it("a person named in Cc by a token and in To explicitly ends in To and gets them", async () => {
    // Alice is cc (customer.primary) by the catalog and named explicitly: she ends in To.
    const carries = await send({ recipients: { userIds: ["u_alice"] } });
    expect(carries["alice@adatum.example"]).toBe(true);
    const delivery = await db.emailDelivery.findFirstOrThrow({
      where: { toAddress: "alice@adatum.example", event: { externalId: `evt_sensitive_${counter}` } },
    });
    expect(delivery.role).toBe("to");
  });
});
