import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as postEvent } from "@/app/api/v1/events/route";
import { POST as postBatch } from "@/app/api/v1/events/batch/route";
import { createApiKey } from "@/lib/api-keys";
import { apiKeyScopes } from "@/lib/api-key-scopes";
import { db } from "@/lib/db";
import { unpackTrail } from "@/lib/notifications/trail";
import { catalog, notificationTypes, type AudienceToken } from "@/lib/notifications/catalog";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";
import { nextEvent, startRealtime, type RealtimeHarness } from "../support/realtime";

// Who each audience token names for an event of Adatum Corporation (cust_adatum, under Contoso
// Reseller, under Northwind Distribution) in the demo directory, with Mia as the actor.
const demoAudience: Record<AudienceToken, string[]> = {
  actor: ["u_mia"],
  "customer.primary": ["u_alice"],
  "customer.billing": ["u_ben"],
  "customer.admins": ["u_alice"],
  "reseller.primary": ["u_ryan"],
  "reseller.billing": ["u_bill"],
  "reseller.account_managers": ["u_amy"],
  "distributor.primary": ["u_dana"],
  "vendor.primary": ["u_victor"],
};

let auth: Record<string, string>;
let counter = 0;
const uid = (prefix = "evt") => `${prefix}_${Date.now()}_${++counter}`;
const envelope = (type: string, extra: Record<string, unknown> = {}) => ({
  id: uid(),
  type,
  occurredAt: "2026-11-26T10:00:00Z",
  organizationId: "cust_adatum",
  actor: { userId: "u_mia" },
  data: structuredClone(catalog[type as keyof typeof catalog].example),
  ...extra,
});
/** Our Event.id for the platform's event id. */
const eventIdOf = async (externalId: string) =>
  (await db.event.findFirstOrThrow({ where: { externalId }, select: { id: true } })).id;
const send = (body: unknown, headers = auth) =>
  callRoute(postEvent, "/api/v1/events", { method: "POST", body, headers });

beforeAll(async () => {
  await resetDatabase();
  auth = { authorization: `Bearer ${(await createApiKey({ scopes: apiKeyScopes, name: "ingest-tests" })).key}` };
});

describe("every catalog type", () => {
  it.each(notificationTypes)(
    "%s: the example is accepted and reaches exactly the catalog's recipients",
    async (type) => {
      const definition = catalog[type];
      const body = envelope(type);
      const res = await send(body);
      expect(res.status, JSON.stringify(res.json)).toBe(202);
      expect(res.json).toMatchObject({ eventId: body.id, status: "accepted" });

      const toIds = new Set(definition.to.flatMap((t) => demoAudience[t]));
      const ccIds = new Set(definition.cc.flatMap((t) => demoAudience[t]).filter((id) => !toIds.has(id)));
      const rows = await db.notification.findMany({ where: { eventId: await eventIdOf(body.id) } });
      expect(new Set(rows.map((r) => r.userId))).toEqual(new Set([...toIds, ...ccIds]));
      expect(res.json.notifications).toBe(rows.length);
      for (const row of rows) {
        expect(row.type).toBe(type);
        expect(row.category).toBe(definition.category);
        expect(row.critical).toBe(definition.critical);
        expect(row.title.length).toBeGreaterThan(0);
        if (ccIds.has(row.userId)) expect(row.reason).toMatch(/^Copied/);
        else expect(row.reason).not.toMatch(/^Copied/);
      }
      // Email jobs follow the catalog's default channels.
      const deliveries = await db.emailDelivery.findMany({ where: { event: { externalId: body.id } } });
      expect(deliveries.length).toBe(definition.channels.includes("email") ? toIds.size + ccIds.size : 0);
    },
  );
});

describe("recipients", () => {
  it("merges duplicates, adds explicit users and addresses, skips deactivated users and unknown ids", async () => {
    await db.user.update({ where: { id: "u_ben" }, data: { active: false } });
    try {
      const body = envelope("subscription.renewal_failed", {
        recipients: {
          userIds: ["u_alice", "u_liam", "u_nobody"],
          emails: ["OPS@vendor.example", "alice@adatum.example"],
        },
      });
      const res = await send(body);
      expect(res.status).toBe(202);
      const rows = await db.notification.findMany({ where: { eventId: await eventIdOf(body.id) } });
      // to: alice (primary) — ben (billing) is deactivated; cc: ryan; explicit: liam; alice only once.
      expect(rows.map((r) => r.userId).sort()).toEqual(["u_alice", "u_liam", "u_ryan"]);
      const deliveries = await db.emailDelivery.findMany({ where: { event: { externalId: body.id } } });
      expect(deliveries.map((d) => d.toAddress).sort()).toEqual([
        "alice@adatum.example",
        "liam@litware.example",
        "ops@vendor.example",
        "ryan@contoso.example",
      ]);
      const event = await db.event.findFirstOrThrow({ where: { externalId: body.id } });
      const trail = unpackTrail(event.trail);
      expect(trail.find((t) => t.userId === "u_ben")).toMatchObject({ skipped: "inactive", via: ["customer.billing"] });
      expect(trail.find((t) => t.userId === "u_nobody")).toMatchObject({ skipped: "unknown_user", via: ["explicit"] });
      // Her address in recipients.emails is her (routing.md): one more way she was chosen, still one recipient.
      expect(trail.find((t) => t.userId === "u_alice")?.via).toEqual([
        "customer.primary",
        "explicit",
        "explicit_email",
      ]);
    } finally {
      await db.user.update({ where: { id: "u_ben" }, data: { active: true } });
    }
  });

  it("a user chosen by role and by id, with overrides for both channels, is one recipient with both applied", async () => {
    await db.userPreference.createMany({
      data: [
        { userId: "u_alice", type: "payment.currency_reset", channel: "in_app", enabled: false },
        { userId: "u_alice", type: "payment.currency_reset", channel: "email", enabled: false },
      ],
    });
    try {
      // Alice is Adatum's admin (the type's audience) and is named again explicitly.
      const body = envelope("payment.currency_reset", { recipients: { userIds: ["u_alice"] } });
      expect((await send(body)).status).toBe(202);
      const event = await db.event.findFirstOrThrow({ where: { externalId: body.id } });
      const alice = unpackTrail(event.trail).filter((t) => t.userId === "u_alice");
      expect(alice).toHaveLength(1);
      expect(alice[0]).toMatchObject({
        via: ["customer.admins", "explicit"],
        inApp: { decision: "suppressed" },
        email: { decision: "suppressed" },
      });
      expect(await db.notification.count({ where: { eventId: event.id } })).toBe(0);
      expect(await db.emailDelivery.count({ where: { eventId: event.id } })).toBe(0);
    } finally {
      await db.userPreference.deleteMany({ where: { userId: "u_alice", type: "payment.currency_reset" } });
    }
  });

  it("accepts an event whose audience resolves to nobody, with zero notifications", async () => {
    await db.organization.create({
      data: { id: "cust_empty", name: "Empty Co", kind: "customer", parentId: "res_contoso" },
    });
    const body = envelope("quote.sent", { organizationId: "cust_empty" });
    // Contoso's contacts are not in quote.sent's audience; Empty Co has no primary contact.
    const res = await send(body);
    expect(res.status).toBe(202);
    expect(res.json.notifications).toBe(0);
    expect(await db.event.count({ where: { externalId: body.id } })).toBe(1);
  });
});

describe("idempotency", () => {
  it("20 concurrent requests with one id create one set of notifications", async () => {
    const body = envelope("subscription.renewal_failed");
    const responses = await Promise.all(Array.from({ length: 20 }, () => send(body)));
    const accepted = responses.filter((r) => r.status === 202);
    const duplicates = responses.filter((r) => r.status === 200);
    expect(accepted).toHaveLength(1);
    expect(duplicates).toHaveLength(19);
    const count = accepted[0]!.json.notifications;
    for (const dup of duplicates)
      expect(dup.json).toEqual({ eventId: body.id, status: "duplicate", notifications: count });
    expect(await db.notification.count({ where: { eventId: await eventIdOf(body.id) } })).toBe(count);
    expect(await db.emailDelivery.count({ where: { event: { externalId: body.id } } })).toBe(3);
  });

  it("the same id with another body is still a duplicate and changes nothing", async () => {
    const body = envelope("subscription.renewed");
    await send(body);
    const again = await send({ ...envelope("quote.canceled"), id: body.id });
    expect(again.status).toBe(200);
    expect(again.json.status).toBe("duplicate");
    const rows = await db.notification.findMany({ where: { eventId: await eventIdOf(body.id) } });
    expect(rows.every((r) => r.type === "subscription.renewed")).toBe(true);
  });
});

describe("bad input", () => {
  it("401 without a key, with a wrong scheme or an unknown key", async () => {
    for (const headers of [{}, { authorization: "Basic abc" }, { authorization: "Bearer nck_unknown" }] as Record<
      string,
      string
    >[]) {
      const res = await send(envelope("quote.sent"), headers);
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("unauthorized");
    }
  });

  it("400 malformed JSON, 415 wrong content type, 413 too large", async () => {
    const malformed = await callRoute(postEvent, "/api/v1/events", {
      method: "POST",
      rawBody: '{"id": ',
      headers: { ...auth, "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe("malformed_json");
    const text = await callRoute(postEvent, "/api/v1/events", {
      method: "POST",
      rawBody: "id=1",
      headers: { ...auth, "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    const big = await send({ ...envelope("order.note_added"), padding: "x".repeat(1024 * 1024) });
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe("payload_too_large");
  });

  it("422 for an unknown type, naming the field", async () => {
    const res = await send({ ...envelope("quote.sent"), type: "subscription.exploded" });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toContainEqual(expect.objectContaining({ path: "type" }));
  });

  it("422 for an unknown organization", async () => {
    const res = await send(envelope("quote.sent", { organizationId: "cust_unknown" }));
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: "organizationId" })]);
  });

  it("422 with JSON paths into data for invalid payloads, and nothing stored", async () => {
    const cases: [string, (data: any) => void, string][] = [
      ["subscription.renewal_failed", (d) => delete d.subscriptionName, "data.subscriptionName"],
      ["order.status_changed", (d) => (d.status = "exploded"), "data.status"],
      ["order.status_changed", (d) => (d.items[0].quantity = -1), "data.items[0].quantity"],
      ["quote.sent", (d) => (d.currency = "euro"), "data.currency"],
      [
        "catalog.changed",
        (d) => (d.products = Array.from({ length: 501 }, (_, i) => ({ sku: `s${i}`, name: "n" }))),
        "data.products",
      ],
    ];
    for (const [type, mutate, path] of cases) {
      const body = envelope(type);
      mutate(body.data);
      const res = await send(body);
      expect(res.status, `${type} ${path}`).toBe(422);
      expect(res.json.error.code).toBe("validation_failed");
      expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(await db.event.count({ where: { externalId: body.id } })).toBe(0);
    }
    const missing = await send({ type: "quote.sent", data: {} });
    expect(missing.json.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["id", "occurredAt", "organizationId"]),
    );
  });

  it("keeps rejected and duplicate submissions for the console", async () => {
    const body = envelope("quote.sent", { organizationId: "cust_unknown" });
    await send(body);
    await new Promise((r) => setTimeout(r, 100));
    const rejection = await db.ingestRejection.findFirstOrThrow({ where: { externalId: body.id } });
    expect(rejection).toMatchObject({
      status: 422,
      code: "validation_failed",
      type: "quote.sent",
      organizationId: "cust_unknown",
    });
  });
});

describe("batch", () => {
  const batch = (events: unknown[]) =>
    callRoute(postBatch, "/api/v1/events/batch", { method: "POST", body: { events }, headers: auth });

  it("answers per event, in order; a bad event does not reject the others", async () => {
    const good = envelope("subscription.renewed");
    const bad = envelope("quote.sent", { organizationId: "cust_unknown" });
    const invalid = { ...envelope("quote.sent"), occurredAt: "yesterday" };
    const res = await batch([good, bad, good, invalid]);
    expect(res.status).toBe(207);
    const [first, second, third, fourth] = res.json.results;
    expect(first).toEqual({ eventId: good.id, status: "accepted", notifications: 1 });
    expect(second).toMatchObject({ status: 422, error: { code: "validation_failed" } });
    expect(third).toEqual({ eventId: good.id, status: "duplicate", notifications: 1 });
    expect(fourth.error.details).toContainEqual(expect.objectContaining({ path: "occurredAt" }));
    expect(await db.event.count({ where: { externalId: { in: [bad.id, invalid.id] } } })).toBe(0);
  });

  it("rejects more than 500 events and an empty batch", async () => {
    const tooMany = await batch(Array.from({ length: 501 }, () => envelope("subscription.renewed")));
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.error.details[0].path).toBe("events");
    expect((await batch([])).status).toBe(422);
  });

  it("stores 500 events at once", async () => {
    const events = Array.from({ length: 500 }, () => envelope("subscription.renewed"));
    const res = await batch(events);
    expect(res.json.results.every((r: { status: string }) => r.status === "accepted")).toBe(true);
    expect(await db.event.count({ where: { externalId: { in: events.map((e) => e.id) } } })).toBe(500);
  });
});

describe("sensitive fields", () => {
  it("a temporary password never reaches the database, the response or the in-app text", async () => {
    const password = `Tmp-${Date.now()}-Secret!`;
    const body = envelope("organization.tenant_created");
    (body.data as Record<string, unknown>).temporaryPassword = password;
    const res = await send(body);
    expect(res.status).toBe(202);
    expect(JSON.stringify(res.json)).not.toContain(password);
    // A rejected submission carrying it is kept redacted.
    const rejected = envelope("organization.tenant_created", { organizationId: "cust_unknown" });
    (rejected.data as Record<string, unknown>).temporaryPassword = password;
    await send(rejected);
    await send({ ...rejected, data: { ...rejected.data, domain: 42 } });
    await new Promise((r) => setTimeout(r, 100));

    const tables = await db.$queryRaw<
      { tablename: string }[]
    >`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
    for (const { tablename } of tables) {
      const hits = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${tablename}" t WHERE row_to_json(t)::text LIKE $1`,
        `%${password}%`,
      );
      expect(hits[0]!.n, `${tablename} holds the password`).toBe(0);
    }
    const deliveries = await db.emailDelivery.findMany({ where: { event: { externalId: body.id } } });
    // Only the `to` recipient's job carries the (encrypted) secret.
    expect(deliveries.filter((d) => d.secret).map((d) => d.role)).toEqual(["to"]);
  });
});

describe("realtime", () => {
  let realtime: RealtimeHarness;
  beforeEach(async () => {
    realtime = await startRealtime();
    return () => realtime.close();
  });

  it("emits the notification and the unread count to each recipient after commit, and to no one else", async () => {
    const alice = await realtime.connect(await sessionCookie("u_alice"));
    const liam = await realtime.connect(await sessionCookie("u_liam"));
    let liamGot = 0;
    liam.on("notification:new", () => liamGot++);
    const item = nextEvent(alice, "notification:new");
    const count = nextEvent(alice, "notifications:unread-count");
    const body = envelope("subscription.renewal_failed");
    await send(body);
    const received = await item;
    expect(received).toMatchObject({
      eventId: body.id,
      type: "subscription.renewal_failed",
      category: "subscriptions",
      critical: true,
      readAt: null,
      archivedAt: null,
      reason: "You are the primary contact of Adatum Corporation",
      actor: { name: "Mia Adatum" },
    });
    expect(received.url).toBe(
      "https://portal.test/subscriptions/sub_1001".replace(
        "sub_1001",
        String((body.data as { subscriptionId: string }).subscriptionId),
      ),
    );
    const unread = await db.notification.count({ where: { userId: "u_alice", readAt: null, archivedAt: null } });
    expect(await count).toEqual({ count: unread });
    await new Promise((r) => setTimeout(r, 100));
    expect(liamGot).toBe(0);
  });
});

describe("contacts who moved", () => {
  it("a primary contact who moved to another organization is no longer its contact", async () => {
    await db.user.update({ where: { id: "u_liam" }, data: { organizationId: "cust_tailspin" } });
    try {
      const body = envelope("subscription.renewed", { organizationId: "cust_litware" });
      const res = await send(body);
      expect(res.status).toBe(202);
      expect(res.json.notifications).toBe(0);
    } finally {
      await db.user.update({ where: { id: "u_liam" }, data: { organizationId: "cust_litware" } });
    }
  });
});

describe("concurrent single events", () => {
  it("share statements but each gets its own answer; an invalid one does not affect the others", async () => {
    const bodies = Array.from({ length: 40 }, (_, i) =>
      i % 5 === 4
        ? envelope("quote.sent", { organizationId: "cust_unknown" })
        : envelope(i % 2 ? "subscription.renewed" : "subscription.renewal_failed"),
    );
    const responses = await Promise.all(bodies.map((body) => send(body)));
    responses.forEach((res, i) => {
      const body = bodies[i]!;
      if (i % 5 === 4) return expect(res.status).toBe(422);
      expect(res.status).toBe(202);
      expect(res.json).toEqual({
        eventId: body.id,
        status: "accepted",
        notifications: body.type === "subscription.renewed" ? 1 : 3,
      });
    });
    const stored = await db.notification.groupBy({
      by: ["eventId"],
      where: {
        eventId: {
          in: (await db.event.findMany({ where: { externalId: { in: bodies.map((b) => b.id) } } })).map((e) => e.id),
        },
      },
      _count: true,
    });
    expect(stored).toHaveLength(32);
  });
});
