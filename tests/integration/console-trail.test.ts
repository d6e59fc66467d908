// The delivery trail the console shows: for an event where an organization's lock suppresses one
// recipient's email while another recipient gets email, and the "why (not)?" search. Also the
// test-event sender, which must go through the same ingest path.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as eventDetail } from "@/app/api/admin/events/[id]/route";
import { POST as testEvents } from "@/app/api/admin/test-events/route";
import { findInTrail, getEventDetail, type EventDetail } from "@/lib/console/event-detail";
import { db } from "@/lib/db";
import { catalog } from "@/lib/notifications/catalog";
import { ingestEvent } from "@/lib/notifications/ingest";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";

let admin: string;

beforeAll(async () => {
  await resetDatabase();
  admin = await sessionCookie("u_platform_admin");
});

describe("an event where an org lock suppresses one recipient's email and another gets email", () => {
  let eventId: string;
  let detail: EventDetail;

  beforeAll(async () => {
    // Woodgrove Bank locks email off for this type: Wendy (its admin) cannot get it by email.
    await db.organizationPreference.create({
      data: {
        organizationId: "cust_woodgrove",
        type: "subscription.provisioned",
        channel: "email",
        enabled: false,
        locked: true,
      },
    });
    // subscription.provisioned: to the actor (Wendy), cc the reseller's primary contact (Fiona, Fabrikam).
    const result = await ingestEvent(
      {
        id: "evt_trail_1",
        type: "subscription.provisioned",
        occurredAt: "2026-11-26T10:00:00Z",
        organizationId: "cust_woodgrove",
        actor: { userId: "u_wendy" },
        data: catalog["subscription.provisioned"].example,
      },
      { source: "platform", apiKeyId: null },
    );
    expect(result).toEqual({ eventId: "evt_trail_1", status: "accepted", notifications: 2 });
    eventId = (await db.event.findFirstOrThrow({ where: { externalId: "evt_trail_1" } })).id;
  });

  it("stores one email delivery: to the recipient whose email was not locked off", async () => {
    const deliveries = await db.emailDelivery.findMany({ where: { eventId } });
    expect(deliveries).toEqual([
      expect.objectContaining({ userId: "u_fiona", toAddress: "fiona@fabrikam.example", role: "cc", status: "queued" }),
    ]);
    const notifications = await db.notification.findMany({ where: { eventId }, orderBy: { userId: "asc" } });
    expect(notifications.map((n) => n.userId)).toEqual(["u_fiona", "u_wendy"]);
  });

  it("shows each recipient's trail with the deciding preference and the delivery", async () => {
    // The worker's attempt and the provider's answer, as the email engineer's code records them.
    const delivery = await db.emailDelivery.findFirstOrThrow({ where: { eventId } });
    await db.emailDelivery.update({
      where: { id: delivery.id },
      data: { status: "delivered", attempts: 1, sentAt: new Date(), subject: "Ready to use" },
    });
    await db.emailEvent.createMany({
      data: [
        { deliveryId: delivery.id, kind: "attempt", at: new Date(Date.now() - 2000) },
        { deliveryId: delivery.id, kind: "delivered", detail: "250 OK", at: new Date() },
      ],
    });

    const res = await callRoute(eventDetail, `/api/admin/events/${eventId}`, {
      headers: { cookie: admin },
      params: { id: eventId },
    });
    expect(res.status).toBe(200);
    detail = (await getEventDetail(eventId))!;
    expect(res.json.trail).toHaveLength(2);
    const wendy = detail.trail.find((entry) => entry.userId === "u_wendy")!;
    const fiona = detail.trail.find((entry) => entry.userId === "u_fiona")!;

    expect(wendy).toMatchObject({
      role: "to",
      via: ["actor"],
      address: "wendy@woodgrove.example",
      inApp: { decision: "created" },
    });
    expect(wendy.email).toMatchObject({
      decision: "suppressed",
      preference: {
        enabled: false,
        locked: true,
        source: "organization",
        sourceOrganizationId: "cust_woodgrove",
        sourceName: "Woodgrove Bank",
      },
    });
    expect(wendy.delivery).toBeUndefined();

    expect(fiona).toMatchObject({
      role: "cc",
      via: ["reseller.primary"],
      inApp: { decision: "created" },
      email: { decision: "queued", deliveryId: delivery.id },
    });
    expect(fiona.email?.preference).toMatchObject({ enabled: true, source: "default" });
    expect(fiona.delivery).toMatchObject({
      id: delivery.id,
      status: "delivered",
      attempts: 1,
      toAddress: "fiona@fabrikam.example",
    });
    expect(fiona.delivery!.events.map((e) => e.kind)).toEqual(["attempt", "delivered"]);
    expect(detail.otherDeliveries).toEqual([]);
  });

  it("shows the envelope with its summary fields", () => {
    expect(detail).toMatchObject({
      externalId: "evt_trail_1",
      organizationName: "Woodgrove Bank",
      actor: { id: "u_wendy", name: "Wendy Woodgrove" },
      notificationCount: 2,
      envelope: {
        id: "evt_trail_1",
        type: "subscription.provisioned",
        organizationId: "cust_woodgrove",
        actor: { userId: "u_wendy" },
        data: catalog["subscription.provisioned"].example,
      },
    });
  });

  it("finds a recipient by email, whatever the case", async () => {
    const lookup = await findInTrail(detail, " Wendy@Woodgrove.example ");
    expect(lookup.found).toBe(true);
    if (lookup.found) expect(lookup.entries.map((e) => e.userId)).toEqual(["u_wendy"]);
  });

  it("says plainly when a user is not in the trail", async () => {
    expect(await findInTrail(detail, "tom@tailspin.example")).toEqual({
      found: false,
      email: "tom@tailspin.example",
      user: { name: "Tom Tailspin", organizationName: "Tailspin Toys", active: true },
    });
    expect(await findInTrail(detail, "nobody@nowhere.example")).toEqual({
      found: false,
      email: "nobody@nowhere.example",
      user: null,
    });
  });

  it("answers 404 for an unknown event id", async () => {
    const res = await callRoute(eventDetail, "/api/admin/events/nope", {
      headers: { cookie: admin },
      params: { id: "nope" },
    });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
  });
});

describe("sensitive fields", () => {
  it("are never stored and show as [redacted] in the envelope", async () => {
    const type = "organization.tenant_created";
    const data = catalog[type].example as Record<string, unknown>;
    expect(data.temporaryPassword).toBeTruthy();
    await ingestEvent(
      { id: "evt_sensitive", type, occurredAt: "2026-11-26T10:00:00Z", organizationId: "cust_adatum", data },
      { source: "platform", apiKeyId: null },
    );
    const event = await db.event.findFirstOrThrow({ where: { externalId: "evt_sensitive" } });
    expect(JSON.stringify(event.data)).not.toContain(String(data.temporaryPassword));
    const detail = (await getEventDetail(event.id))!;
    expect(detail.envelope.data.temporaryPassword).toBe("[redacted]");
    expect(JSON.stringify(detail)).not.toContain(String(data.temporaryPassword));
  });
});

describe("POST /api/admin/test-events", () => {
  const send = (body: unknown, extra: { rawBody?: string; headers?: Record<string, string> } = {}) =>
    callRoute(testEvents, "/api/admin/test-events", {
      method: "POST",
      body,
      ...extra,
      headers: { cookie: admin, ...extra.headers },
    });

  it("ingests through the same pipeline and links to the event", async () => {
    const res = await send({
      type: "subscription.provisioned",
      organizationId: "cust_adatum",
      actorId: "u_alice",
      data: catalog["subscription.provisioned"].example,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({
      status: "accepted",
      notifications: 2,
      eventId: expect.stringMatching(/^evt_console_/),
    });
    expect(res.json.url).toBe(`/admin/events/${res.json.id}`);
    const event = await db.event.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(event).toMatchObject({
      source: "console",
      apiKeyId: null,
      actorId: "u_alice",
      organizationId: "cust_adatum",
      notificationCount: 2,
    });
    expect(await db.notification.count({ where: { eventId: event.id } })).toBe(2);
    expect(await db.auditLog.findFirst({ where: { action: "test_event.sent", target: event.id } })).toMatchObject({
      actorId: "u_platform_admin",
    });
  });

  it("answers 422 by JSON path for invalid data, an unknown organization or type", async () => {
    const bad = await send({
      type: "subscription.provisioned",
      organizationId: "cust_adatum",
      data: { ...catalog["subscription.provisioned"].example, offerName: "" },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.map((d: { path: string }) => d.path)).toContain("data.offerName");

    const org = await send({
      type: "subscription.provisioned",
      organizationId: "cust_nowhere",
      data: catalog["subscription.provisioned"].example,
    });
    expect(org.status).toBe(422);
    expect(org.json.error.details[0].path).toBe("organizationId");

    const type = await send({ type: "no.such_type", organizationId: "cust_adatum", data: {} });
    expect(type.status).toBe(422);
    expect(type.json.error.details[0].path).toBe("type");

    const shape = await send({ type: "subscription.provisioned", organizationId: "cust_adatum", data: "text" });
    expect(shape.status).toBe(422);
    expect(shape.json.error.details[0].path).toBe("data");
  });

  it("answers 415 and 400 for a body that is not JSON", async () => {
    expect(
      (await send(undefined, { rawBody: "type=x", headers: { "content-type": "application/x-www-form-urlencoded" } }))
        .status,
    ).toBe(415);
    expect((await send(undefined, { rawBody: "{nope", headers: { "content-type": "application/json" } })).status).toBe(
      400,
    );
  });

  it("gives each concurrent send its own event", async () => {
    const body = { type: "order.note_added", organizationId: "cust_adatum", data: catalog["order.note_added"].example };
    const results = await Promise.all(Array.from({ length: 5 }, () => send(body)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.json.id)).size).toBe(5);
  });
});
