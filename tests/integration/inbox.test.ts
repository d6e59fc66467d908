import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as list } from "@/app/api/notifications/route";
import { GET as unreadCount } from "@/app/api/notifications/unread-count/route";
import { PATCH as patch } from "@/app/api/notifications/[id]/route";
import { POST as readAll } from "@/app/api/notifications/read-all/route";
import { db } from "@/lib/db";
import { encodeCursor } from "@/lib/notifications/inbox-cursor";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";
import { nextEvent, startRealtime, type RealtimeHarness } from "../support/realtime";

let realtime: RealtimeHarness;
let alice: string;
let ben: string;
let sequence = 0;

/** Inserts an Event and one Notification for the user, `minutesAgo` in the past. */
async function insertNotification(
  userId: string,
  options: {
    minutesAgo?: number;
    category?: string;
    createdAt?: Date;
    readAt?: Date;
    archivedAt?: Date;
    critical?: boolean;
  } = {},
) {
  const n = ++sequence;
  const event = await db.event.create({
    data: {
      externalId: `evt_inbox_${n}`,
      type: "order.completed",
      organizationId: "cust_adatum",
      occurredAt: new Date(),
      data: {},
    },
  });
  return db.notification.create({
    data: {
      userId,
      eventId: event.id,
      type: "order.completed",
      category: options.category ?? "orders",
      title: `Notification ${n}`,
      body: `Body ${n}`,
      url: `https://portal.test/orders/ord_${n}`,
      reason: "You placed this order",
      critical: options.critical ?? false,
      actorName: "Alice Adatum",
      createdAt: options.createdAt ?? new Date(Date.now() - (options.minutesAgo ?? 0) * 60_000),
      readAt: options.readAt ?? null,
      archivedAt: options.archivedAt ?? null,
    },
  });
}

const get = (path: string, cookie: string) => callRoute(list, path, { headers: { cookie } });

beforeAll(async () => {
  realtime = await startRealtime();
});
afterAll(() => realtime.close());

beforeEach(async () => {
  await resetDatabase();
  alice = await sessionCookie("u_alice");
  ben = await sessionCookie("u_ben");
});

describe("GET /api/notifications", () => {
  it("needs a session", async () => {
    const res = await callRoute(list, "/api/notifications");
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthorized");
  });

  it("lists only the caller's notifications, newest first, in the browser shape", async () => {
    const older = await insertNotification("u_alice", { minutesAgo: 10 });
    const newer = await insertNotification("u_alice", { minutesAgo: 1, critical: true });
    await insertNotification("u_ben", { minutesAgo: 5 });
    const res = await get("/api/notifications", alice);
    expect(res.status).toBe(200);
    expect(res.json.items.map((i: { id: string }) => i.id)).toEqual([newer.id, older.id]);
    expect(res.json.nextCursor).toBeNull();
    expect(res.json.unreadCount).toBe(2);
    expect(res.json.items[0]).toEqual({
      id: newer.id,
      eventId: expect.stringMatching(/^evt_inbox_/),
      type: "order.completed",
      category: "orders",
      title: newer.title,
      body: newer.body,
      url: newer.url,
      createdAt: newer.createdAt.toISOString(),
      readAt: null,
      archivedAt: null,
      critical: true,
      reason: "You placed this order",
      actor: { name: "Alice Adatum" },
    });
  });

  it("shows the latest email delivery of each item", async () => {
    const emailed = await insertNotification("u_alice");
    const plain = await insertNotification("u_alice", { minutesAgo: 1 });
    const sentAt = new Date("2026-11-26T10:02:00Z");
    await db.emailDelivery.create({
      data: {
        eventId: emailed.eventId,
        notificationId: emailed.id,
        userId: "u_alice",
        toAddress: "alice@adatum.example",
        type: "order.completed",
        status: "delivered",
        sentAt,
      },
    });
    const res = await get("/api/notifications", alice);
    const byId = new Map(res.json.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.get(emailed.id)).toMatchObject({ email: { status: "delivered", at: sentAt.toISOString() } });
    expect(byId.get(plain.id)).not.toHaveProperty("email");
  });

  it("filters by status and category", async () => {
    const unread = await insertNotification("u_alice", { category: "orders" });
    const read = await insertNotification("u_alice", { category: "quotes", readAt: new Date() });
    const archived = await insertNotification("u_alice", { category: "orders", archivedAt: new Date() });
    const ids = async (query: string) =>
      (await get(`/api/notifications?${query}`, alice)).json.items.map((i: { id: string }) => i.id).sort();
    expect(await ids("status=all")).toEqual([unread.id, read.id].sort());
    expect(await ids("status=unread")).toEqual([unread.id]);
    expect(await ids("status=archived")).toEqual([archived.id]);
    expect(await ids("category=quotes")).toEqual([read.id]);
    expect(await ids("status=archived&category=quotes")).toEqual([]);
    expect(await ids("category=")).toEqual([unread.id, read.id].sort());
  });

  it.each([
    ["cursor=not-a-cursor!", "cursor"],
    [`cursor=${Buffer.from("yesterday|abc").toString("base64url")}`, "cursor"],
    [`cursor=${Buffer.from("2026-11-26T10:00:00.000Z").toString("base64url")}`, "cursor"],
    [`cursor=${Buffer.from("2026-11-26T10:00:00.000Z|a|b").toString("base64url")}`, "cursor"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=abc", "limit"],
    ["limit=1.5", "limit"],
    ["limit=-1", "limit"],
    ["status=read", "status"],
    ["category=nope", "category"],
    ["category=toString", "category"],
    ["sort=asc", "$"],
    ["limit=5&limit=6", "limit"],
  ])("rejects %s with 422", async (query, path) => {
    const res = await get(`/api/notifications?${query}`, alice);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("validation_failed");
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it("accepts limit 1 and 100", async () => {
    expect((await get("/api/notifications?limit=1", alice)).status).toBe(200);
    expect((await get("/api/notifications?limit=100", alice)).status).toBe(200);
  });

  it("pages without duplicates or gaps while new notifications arrive, also across equal timestamps", async () => {
    const base = Date.now() - 3_600_000;
    // 25 items, several sharing one createdAt so the id breaks ties.
    const expected: string[] = [];
    for (let i = 0; i < 25; i++) {
      const row = await insertNotification("u_alice", { createdAt: new Date(base + Math.floor(i / 3) * 1000) });
      expected.push(row.id);
    }
    const newestFirst = [...expected].reverse();
    // Expected order: createdAt desc, then id desc.
    const rows = await db.notification.findMany({
      where: { userId: "u_alice" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    const order = rows.map((r) => r.id);
    expect(new Set(order)).toEqual(new Set(newestFirst));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `limit=4${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await get(`/api/notifications?${query}`, alice);
      expect(res.status).toBe(200);
      seen.push(...res.json.items.map((i: { id: string }) => i.id));
      cursor = res.json.nextCursor;
      // Concurrent arrivals: newer items land before the first page and must not shift later ones.
      await Promise.all([insertNotification("u_alice"), insertNotification("u_alice")]);
      pages++;
    } while (cursor);
    expect(pages).toBe(7);
    expect(seen).toEqual(order);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("a cursor from another user's item does not reveal anything", async () => {
    const bens = await insertNotification("u_ben");
    const res = await get(`/api/notifications?cursor=${encodeCursor(new Date(Date.now() + 60_000), bens.id)}`, alice);
    expect(res.status).toBe(200);
    expect(res.json.items).toEqual([]);
  });
});

describe("GET /api/notifications/unread-count", () => {
  it("counts unread, unarchived notifications, optionally per category", async () => {
    await insertNotification("u_alice", { category: "orders" });
    await insertNotification("u_alice", { category: "quotes" });
    await insertNotification("u_alice", { category: "orders", readAt: new Date() });
    await insertNotification("u_alice", { category: "orders", archivedAt: new Date() });
    await insertNotification("u_ben");
    expect(
      (await callRoute(unreadCount, "/api/notifications/unread-count", { headers: { cookie: alice } })).json,
    ).toEqual({ count: 2 });
    expect(
      (await callRoute(unreadCount, "/api/notifications/unread-count?category=orders", { headers: { cookie: alice } }))
        .json,
    ).toEqual({ count: 1 });
    expect(
      (await callRoute(unreadCount, "/api/notifications/unread-count?category=x", { headers: { cookie: alice } }))
        .status,
    ).toBe(422);
    expect((await callRoute(unreadCount, "/api/notifications/unread-count")).status).toBe(401);
  });
});

describe("PATCH /api/notifications/{id}", () => {
  const send = (
    id: string,
    body: unknown,
    cookie: string | undefined,
    extra: { rawBody?: string; headers?: Record<string, string> } = {},
  ) =>
    callRoute(patch, `/api/notifications/${id}`, {
      method: "PATCH",
      params: { id },
      body,
      headers: { ...(cookie ? { cookie } : {}), ...extra.headers },
      rawBody: extra.rawBody,
    });

  it("marks read and unread, archives and unarchives, and returns the item", async () => {
    const row = await insertNotification("u_alice");
    const read = await send(row.id, { read: true }, alice);
    expect(read.status).toBe(200);
    expect(read.json.readAt).toEqual(expect.any(String));
    // Marking read again keeps the first read time.
    expect((await send(row.id, { read: true }, alice)).json.readAt).toBe(read.json.readAt);
    expect((await send(row.id, { read: false }, alice)).json.readAt).toBeNull();
    const archived = await send(row.id, { archived: true, read: true }, alice);
    // The item names the platform's event id, not ours.
    expect(archived.json).toMatchObject({
      id: row.id,
      eventId: expect.stringMatching(/^evt_inbox_/),
      readAt: expect.any(String),
      archivedAt: expect.any(String),
    });
    expect((await send(row.id, { archived: false }, alice)).json.archivedAt).toBeNull();
  });

  it("answers 404 for another user's notification and an unknown id, and changes nothing", async () => {
    const bens = await insertNotification("u_ben");
    const res = await send(bens.id, { read: true }, alice);
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
    expect((await send("0190c0de-0000-7000-8000-000000000000", { read: true }, alice)).status).toBe(404);
    expect((await db.notification.findUniqueOrThrow({ where: { id: bens.id } })).readAt).toBeNull();
  });

  it("validates the body", async () => {
    const row = await insertNotification("u_alice");
    expect((await send(row.id, {}, alice)).status).toBe(422);
    expect((await send(row.id, { read: "yes" }, alice)).status).toBe(422);
    expect((await send(row.id, { read: true, pinned: true }, alice)).status).toBe(422);
    expect((await send(row.id, [], alice)).status).toBe(422);
    expect(
      (await send(row.id, undefined, alice, { rawBody: "{", headers: { "content-type": "application/json" } })).status,
    ).toBe(400);
    expect(
      (await send(row.id, undefined, alice, { rawBody: "read=true", headers: { "content-type": "text/plain" } }))
        .status,
    ).toBe(415);
    expect((await send(row.id, { read: true }, undefined)).status).toBe(401);
  });

  it("emits the change and the recounted badge to the user's room only", async () => {
    const row = await insertNotification("u_alice");
    await insertNotification("u_alice");
    const aliceSocket = await realtime.connect(alice);
    const benSocket = await realtime.connect(ben);
    let benEvents = 0;
    benSocket.onAny(() => benEvents++);
    const updated = nextEvent(aliceSocket, "notification:updated");
    const count = nextEvent(aliceSocket, "notifications:unread-count");
    const res = await send(row.id, { read: true }, alice);
    expect(await updated).toEqual({
      id: row.id,
      readAt: res.json.readAt,
      archivedAt: null,
      snoozedUntil: null,
      item: res.json,
    });
    expect(await count).toEqual({ count: 1 });
    await new Promise((r) => setTimeout(r, 100));
    expect(benEvents).toBe(0);
  });

  it("two concurrent updates of one item both succeed and leave a consistent state", async () => {
    const row = await insertNotification("u_alice");
    const [a, b] = await Promise.all([send(row.id, { read: true }, alice), send(row.id, { archived: true }, alice)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const stored = await db.notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored.readAt).not.toBeNull();
    expect(stored.archivedAt).not.toBeNull();
  });
});

describe("POST /api/notifications/read-all", () => {
  const post = (body: unknown, cookie?: string) =>
    callRoute(readAll, "/api/notifications/read-all", { method: "POST", body, headers: cookie ? { cookie } : {} });

  it("marks every unread notification read, only the caller's, and emits", async () => {
    await insertNotification("u_alice", { category: "orders" });
    await insertNotification("u_alice", { category: "quotes" });
    await insertNotification("u_alice", { category: "orders", readAt: new Date() });
    await insertNotification("u_ben");
    const socket = await realtime.connect(alice);
    const updates: unknown[] = [];
    socket.on("notification:updated", (u) => updates.push(u));
    const count = nextEvent(socket, "notifications:unread-count");
    const res = await post(undefined, alice);
    expect(res).toMatchObject({ status: 200, json: { updated: 2 } });
    expect(await count).toEqual({ count: 0 });
    expect(updates).toHaveLength(2);
    expect(await db.notification.count({ where: { userId: "u_ben", readAt: null } })).toBe(1);
  });

  it("limits to a category when given", async () => {
    await insertNotification("u_alice", { category: "orders" });
    await insertNotification("u_alice", { category: "quotes" });
    expect((await post({ category: "orders" }, alice)).json).toEqual({ updated: 1 });
    expect(
      (await callRoute(unreadCount, "/api/notifications/unread-count", { headers: { cookie: alice } })).json,
    ).toEqual({ count: 1 });
    expect((await post({ category: "orders" }, alice)).json).toEqual({ updated: 0 });
  });

  it("validates the body and needs a session", async () => {
    expect((await post({ category: "nope" }, alice)).status).toBe(422);
    expect((await post({ category: "orders", all: true }, alice)).status).toBe(422);
    expect((await post({}, undefined)).status).toBe(401);
    expect((await post({}, alice)).json).toEqual({ updated: 0 });
  });
});
