// The store step alone (lib/notifications/store.ts): every named field lands in its own column,
// and an event that exists already stores nothing of its own. Each field gets a value no other
// field has, so two columns swapped in the statement fail here.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { storeEvents, type StoredEvent } from "@/lib/notifications/store";
import { packTrailValue, unpackTrail, type TrailEntry } from "@/lib/notifications/trail";
import { uuidv7 } from "@/lib/uuid";
import { resetDatabase } from "../support/integration";

beforeAll(resetDatabase);

const trail: TrailEntry[] = [
  { userId: "u_alice", name: "Alice", address: "alice@adatum.example", role: "to", via: ["explicit"] },
];

function storedEvent(externalId: string): StoredEvent {
  const id = uuidv7();
  const notificationId = uuidv7();
  return {
    event: {
      id,
      externalId,
      type: "quote.sent",
      organizationId: "cust_adatum",
      actorId: "u_mia",
      occurredAt: "2026-11-26T11:00:00+01:00",
      apiKeyId: null,
      data: { quoteId: "q_1", nested: { n: 1 } },
      trail: packTrailValue(trail),
      notificationCount: 1,
      category: "quotes",
      title: "the title",
      body: "the body",
      url: "https://portal.example.com/quotes/q_1",
      critical: true,
      actorName: "Mia the actor",
      webhookOrganizationIds: ["cust_adatum", "res_contoso", "dist_northwind", "platform"],
      traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    },
    notifications: [{ id: notificationId, eventId: id, userId: "u_alice", reason: "the reason" }],
    emailDeliveries: [
      {
        id: uuidv7(),
        eventId: id,
        notificationId,
        userId: "u_alice",
        toAddress: "alice@adatum.example",
        role: "cc",
        secret: "the secret",
      },
      {
        id: uuidv7(),
        eventId: id,
        notificationId: null,
        userId: null,
        toAddress: "outside@example.com",
        role: "to",
        secret: null,
      },
    ],
  };
}

describe("storeEvents", () => {
  it("writes each field to its own column", async () => {
    const stored = storedEvent(`store_${Date.now()}`);
    const now = new Date("2026-11-26T12:34:56.789Z");
    const { inserted } = await storeEvents([stored], "platform", now);
    expect([...inserted]).toEqual([stored.event.id]);

    const event = await db.event.findUniqueOrThrow({ where: { id: stored.event.id } });
    expect(event).toMatchObject({
      source: "platform",
      externalId: stored.event.externalId,
      type: "quote.sent",
      organizationId: "cust_adatum",
      actorId: "u_mia",
      occurredAt: new Date("2026-11-26T10:00:00Z"),
      receivedAt: now,
      apiKeyId: null,
      traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      data: { quoteId: "q_1", nested: { n: 1 } },
      notificationCount: 1,
    });
    expect(unpackTrail(event.trail)).toEqual(trail);

    const notification = await db.notification.findUniqueOrThrow({ where: { id: stored.notifications[0]!.id } });
    expect(notification).toEqual({
      id: stored.notifications[0]!.id,
      userId: "u_alice",
      eventId: stored.event.id,
      type: "quote.sent",
      category: "quotes",
      title: "the title",
      body: "the body",
      url: "https://portal.example.com/quotes/q_1",
      reason: "the reason",
      critical: true,
      actorName: "Mia the actor",
      createdAt: now,
      readAt: null,
      archivedAt: null,
      snoozedUntil: null,
    });

    const deliveries = await db.emailDelivery.findMany({ where: { eventId: stored.event.id }, orderBy: { id: "asc" } });
    expect(deliveries).toMatchObject([
      {
        id: stored.emailDeliveries[0]!.id,
        notificationId: stored.notifications[0]!.id,
        userId: "u_alice",
        toAddress: "alice@adatum.example",
        type: "quote.sent",
        role: "cc",
        secret: "the secret",
        status: "queued",
        runAt: now,
        createdAt: now,
        updatedAt: now,
      },
      {
        id: stored.emailDeliveries[1]!.id,
        notificationId: null,
        userId: null,
        toAddress: "outside@example.com",
        type: "quote.sent",
        role: "to",
        secret: null,
      },
    ]);
  });

  it("stores nothing for an event whose id exists, and the new ones of the same set", async () => {
    const externalId = `store_dup_${Date.now()}`;
    await storeEvents([storedEvent(externalId)], "platform", new Date());
    const again = storedEvent(externalId);
    const fresh = storedEvent(`${externalId}_other`);
    const { inserted } = await storeEvents([again, fresh], "platform", new Date());
    expect([...inserted]).toEqual([fresh.event.id]);
    expect(await db.event.count({ where: { externalId } })).toBe(1);
    expect(await db.notification.count({ where: { eventId: again.event.id } })).toBe(0);
    expect(await db.emailDelivery.count({ where: { eventId: again.event.id } })).toBe(0);
    expect(await db.notification.count({ where: { eventId: fresh.event.id } })).toBe(1);
    // The same platform id from another source is another event.
    expect([...(await storeEvents([storedEvent(externalId)], "console", new Date())).inserted]).toHaveLength(1);
  });
});
