// Item 12: control and bidi characters never reach a header, a subject or a name. Event fields are
// cleaned where the email and the in-app notification are made (a "\r\nBcc: …" in a field must not
// break the subject's header line); directory names are refused at the Platform API (422); names
// stored before that check are cleaned in the From line.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PUT as putOrganization } from "@/app/api/v1/organizations/[id]/route";
import { PUT as putUser } from "@/app/api/v1/users/[id]/route";
import { POST as postBatch } from "@/app/api/v1/events/batch/route";
import { invalidate } from "@/lib/cache/invalidation";
import { db } from "@/lib/db";
import { resendTransport } from "@/lib/email/transport";
import { createEmailWorker, type EmailWorker } from "@/lib/email/worker";
import { catalog } from "@/lib/notifications/catalog";
import { ingest } from "../support/email";
import { startFakeResend, type FakeResend } from "../support/fake-resend";
import { callRoute, resetDatabase } from "../support/integration";
import { bearer, newApiKey } from "../support/platform-api";

// Every character class the sanitizer handles: CR/LF, another C0 control, a C1 control, and the
// bidi override, isolate and mark characters.
const HOSTILE = [
  "\r\n",
  "\u001B",
  "\u0085",
  "\u202E",
  "\u202A",
  "\u2066",
  "\u2069",
  "\u200E",
  "\u200F",
  "\u061C",
  "\u2028",
];
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/;

let fake: FakeResend;
let worker: EmailWorker;
let key: string;

beforeAll(async () => {
  await resetDatabase();
  key = await newApiKey("header-text");
  fake = await startFakeResend();
  worker = createEmailWorker({
    transport: resendTransport({ apiKey: "re_test_key", baseUrl: fake.url }),
    timing: { pollMs: 50, backoffBaseMs: 40, backoffMaxMs: 200, maxAttempts: 2 },
    listen: false,
    batchSize: 1,
    log: () => {},
  });
});
afterEach(() => fake.reset());
afterAll(async () => {
  await worker.stop();
  await fake.close();
});

async function notificationsOf(externalId: string) {
  const stored = await db.event.findFirstOrThrow({ where: { externalId }, select: { id: true } });
  return db.notification.findMany({ where: { eventId: stored.id } });
}

/** The emails Resend received for one event, by recipient. */
async function sentFor(eventId: string) {
  await worker.drain();
  const jobs = await db.emailDelivery.findMany({ where: { event: { externalId: eventId } }, select: { id: true } });
  const ids = new Set(jobs.map((job) => job.id));
  expect(ids.size).toBeGreaterThan(0);
  const sent = fake.sent.filter((email) => ids.has(email.key ?? ""));
  expect(sent).toHaveLength(ids.size);
  return sent.map((email) => email.body);
}

describe("event fields in subjects and titles", () => {
  it("a CR/LF header injection and bidi overrides in an event field reach Resend as one clean subject line", async () => {
    const event = await ingest({
      type: "subscription.renewal_failed",
      organizationId: "cust_adatum",
      recipients: { emails: ["ops@vendor.example"] },
      data: {
        subscriptionId: "sub_hostile",
        subscriptionName: "E3\r\nBcc: thief@evil.example\r\n\u202Efdp.exe",
        errorMessage: "Card declined",
      },
    });
    const emails = await sentFor(event.id);
    for (const email of emails) {
      expect(email.subject).toBe("Action required: renewal failed for E3 Bcc: thief@evil.example fdp.exe");
      expect(email.subject).not.toMatch(UNSAFE);
      expect(email.from).not.toMatch(UNSAFE);
      for (const [name, value] of Object.entries(email.headers as Record<string, string>)) {
        expect(name.toLowerCase()).not.toBe("bcc");
        expect(value).not.toMatch(UNSAFE);
      }
      expect(email.bcc).toBeUndefined();
    }
    expect(emails.map((email) => email.to).flat()).not.toContain("thief@evil.example");

    // The in-app title and body: the same words, no break, no override.
    const notifications = await notificationsOf(event.id);
    expect(notifications.length).toBeGreaterThan(0);
    for (const notification of notifications) {
      expect(notification.title).toBe("Renewal failed: E3 Bcc: thief@evil.example fdp.exe");
      expect(notification.body).not.toMatch(UNSAFE);
    }
  });

  it("strips every control and bidi character class from subjects, titles and the actor's name", async () => {
    const event = await ingest({
      type: "subscription.order_placed",
      organizationId: "cust_adatum",
      actor: { userId: "u_alice", name: "Eve\u202E\r\nAdmin" },
      data: { ...catalog["subscription.order_placed"].example, orderNumber: `ORD${HOSTILE.join("x")}42` },
    });
    // Line breaks (CR/LF, NEL, U+2028) become a space; every other character of the list goes.
    const cleaned = "ORD xx xxxxxxxx 42";
    const emails = await sentFor(event.id);
    for (const email of emails) expect(email.subject).toBe(`Order placed: ${cleaned}`);
    const notifications = await notificationsOf(event.id);
    expect(notifications.length).toBeGreaterThan(0);
    for (const notification of notifications) {
      expect(notification.title).toBe(`Order placed: ${cleaned}`);
      expect(notification.actorName).toBe("Eve Admin");
    }
  });

  it("U+0000, which Postgres cannot store, is refused at its path and never fails the other events of a batch", async () => {
    const res = await callRoute(postBatch, "/api/v1/events/batch", {
      body: {
        events: [
          {
            id: "evt_nul_bad",
            type: "subscription.order_placed",
            occurredAt: new Date().toISOString(),
            organizationId: "cust_adatum",
            actor: { userId: "u_alice" },
            data: { ...catalog["subscription.order_placed"].example, orderNumber: "ORD\u00001" },
          },
          {
            id: "evt_nul_good",
            type: "subscription.order_placed",
            occurredAt: new Date().toISOString(),
            organizationId: "cust_adatum",
            actor: { userId: "u_alice" },
            data: catalog["subscription.order_placed"].example,
          },
        ],
      },
      headers: bearer(key),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(207);
    expect(res.json.results[0].error.code).toBe("validation_failed");
    expect(res.json.results[0].error.details).toEqual([
      { path: "data.orderNumber", message: "must not contain the character U+0000" },
    ]);
    expect(res.json.results[1]).toMatchObject({ eventId: "evt_nul_good", status: "accepted" });
  });
});

describe("names", () => {
  const userBody = (name: string) => ({
    email: `mallory_${Math.random().toString(36).slice(2)}@adatum.example`,
    name,
    organizationId: "cust_adatum",
    role: "member",
  });

  it("a user name with CR/LF, a control or a bidi character is refused with 422 at `name`", async () => {
    for (const name of ["Mallory\r\nBcc: thief@evil.example", "\u202Eyrollam", "Mal\u2066lory", "Mal\u0007lory"]) {
      const id = `u_hostile_${Math.random().toString(36).slice(2)}`;
      const res = await callRoute(putUser, `/api/v1/users/${id}`, {
        method: "PUT",
        body: userBody(name),
        headers: bearer(key),
        params: { id },
      });
      expect(res.status, JSON.stringify(name)).toBe(422);
      expect(res.json.error.code).toBe("validation_failed");
      expect(res.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(["name"]);
      expect(await db.user.findUnique({ where: { id } })).toBeNull();
    }
    // Accents, other scripts and ordinary punctuation stay welcome.
    const id = "u_hostile_fine";
    const fine = await callRoute(putUser, `/api/v1/users/${id}`, {
      method: "PUT",
      body: userBody("Zoë O'Brien-Nakamura 中村 محمد"),
      headers: bearer(key),
      params: { id },
    });
    expect(fine.status, JSON.stringify(fine.json)).toBe(201);
  });

  it("an organization name with CR/LF or a bidi override is refused with 422 at `name`", async () => {
    for (const name of ["Contoso\r\nBcc: thief@evil.example", "Contoso \u202Eevil"]) {
      const res = await callRoute(putOrganization, "/api/v1/organizations/cust_hostile", {
        method: "PUT",
        body: { name, kind: "customer", parentId: "res_contoso" },
        headers: bearer(key),
        params: { id: "cust_hostile" },
      });
      expect(res.status, JSON.stringify(name)).toBe(422);
      expect(res.json.error.details.map((detail: { path: string }) => detail.path)).toEqual(["name"]);
    }
    expect(await db.organization.findUnique({ where: { id: "cust_hostile" } })).toBeNull();
  });

  it("a reseller name stored before the check reaches the From display name clean", async () => {
    await db.organization.update({
      where: { id: "res_contoso" },
      data: { name: 'Contoso\r\nBcc: thief@evil.example \u202Emoc.evil\u2069 "Ltd"' },
    });
    invalidate("directory"); // the brand cache
    const event = await ingest({
      type: "subscription.renewed",
      organizationId: "cust_adatum",
      data: { subscriptionId: "sub_from", subscriptionName: "Teams Phone", renewedAt: "2026-11-26T10:00:00Z" },
    });
    const emails = await sentFor(event.id);
    for (const email of emails) {
      expect(email.from).toMatch(/^"Contoso Bcc: thief@evil\.example moc\.evil Ltd" <[^<>"\s]+@[^<>"\s]+>$/);
    }
  });
});
