import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as list } from "@/app/api/notifications/route";
import { GET as unreadCount } from "@/app/api/notifications/unread-count/route";
import { PATCH as patch } from "@/app/api/notifications/[id]/route";
import { db } from "@/lib/db";
import { returnDueSnoozes, startSnoozeSweeper } from "@/lib/notifications/snooze";
import type { NotificationItem } from "@/lib/notifications/item";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";
import { nextEvent, startRealtime, type RealtimeHarness } from "../support/realtime";

let realtime: RealtimeHarness;
let alice: string;
let ben: string;
let sequence = 0;

async function insertNotification(userId: string, options: { minutesAgo?: number; readAt?: Date } = {}) {
  const n = ++sequence;
  const event = await db.event.create({
    data: {
      externalId: `evt_snooze_${n}`,
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
      category: "orders",
      title: `Notification ${n}`,
      body: `Body ${n}`,
      reason: "You placed this order",
      createdAt: new Date(Date.now() - (options.minutesAgo ?? 0) * 60_000),
      readAt: options.readAt ?? null,
    },
  });
}

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const send = (id: string, body: unknown, cookie: string | undefined, rawBody?: string) =>
  callRoute(patch, `/api/notifications/${id}`, {
    method: "PATCH",
    params: { id },
    body,
    rawBody,
    headers: { ...(cookie ? { cookie } : {}), ...(rawBody ? { "content-type": "application/json" } : {}) },
  });
const ids = async (status: string, cookie: string) =>
  (await callRoute(list, `/api/notifications?status=${status}`, { headers: { cookie } })).json.items.map(
    (item: NotificationItem) => item.id,
  );
const count = async (cookie: string) =>
  (await callRoute(unreadCount, "/api/notifications/unread-count", { headers: { cookie } })).json.count;
/** Moves the database's notion of "due" instead of waiting: the snooze ended a second ago. */
const makeDue = (id: string) =>
  db.notification.update({ where: { id }, data: { snoozedUntil: new Date(Date.now() - 1000) } });

beforeAll(async () => {
  realtime = await startRealtime();
});
afterAll(() => realtime.close());

beforeEach(async () => {
  await resetDatabase();
  alice = await sessionCookie("u_alice");
  ben = await sessionCookie("u_ben");
});

describe("PATCH /api/notifications/{id} with snoozedUntil", () => {
  it("takes the item out of every tab and the unread count, into Snoozed, and tells the user's tabs", async () => {
    const row = await insertNotification("u_alice", { minutesAgo: 5 });
    const other = await insertNotification("u_alice", { minutesAgo: 10 });
    const socket = await realtime.connect(alice);
    const updated = nextEvent(socket, "notification:updated");
    const counted = nextEvent(socket, "notifications:unread-count");
    const until = inHours(2);

    const res = await send(row.id, { snoozedUntil: until }, alice);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: row.id, snoozedUntil: until, readAt: null });
    expect(await updated).toEqual({ id: row.id, readAt: null, archivedAt: null, snoozedUntil: until, item: res.json });
    expect(await counted).toEqual({ count: 1 });

    expect(await ids("all", alice)).toEqual([other.id]);
    expect(await ids("unread", alice)).toEqual([other.id]);
    expect(await ids("archived", alice)).toEqual([]);
    expect(await ids("snoozed", alice)).toEqual([row.id]);
    expect(await count(alice)).toBe(1);
  });

  it("null brings it back at once, as it was (same place, same read state)", async () => {
    const row = await insertNotification("u_alice", { minutesAgo: 30, readAt: new Date() });
    await send(row.id, { snoozedUntil: inHours(1) }, alice);
    const socket = await realtime.connect(alice);
    const updated = nextEvent(socket, "notification:updated");
    const res = await send(row.id, { snoozedUntil: null }, alice);
    expect(res.status).toBe(200);
    expect(res.json.snoozedUntil).toBeUndefined();
    expect(res.json.createdAt).toBe(row.createdAt.toISOString());
    expect(res.json.readAt).toBe(row.readAt!.toISOString());
    // The whole item: a tab that does not hold it can show it again.
    expect(await updated).toMatchObject({ id: row.id, snoozedUntil: null, item: { id: row.id, title: row.title } });
    expect(await ids("all", alice)).toEqual([row.id]);
    expect(await ids("snoozed", alice)).toEqual([]);
  });

  it("refuses a malformed, past or too distant time with 422 naming the field", async () => {
    const row = await insertNotification("u_alice");
    const refused = [
      "tomorrow",
      "2026-13-01T09:00:00Z",
      // Without an offset the time means nothing.
      "2099-01-01T09:00:00",
      12345,
      new Date(Date.now() - 60_000).toISOString(),
      new Date(Date.now() + 366 * 86_400_000).toISOString(),
    ];
    for (const snoozedUntil of refused) {
      const res = await send(row.id, { snoozedUntil }, alice);
      expect(res.status, JSON.stringify(snoozedUntil)).toBe(422);
      expect(res.json.error.code).toBe("validation_failed");
      expect(res.json.error.details[0].path).toBe("snoozedUntil");
    }
    expect(
      (await send(row.id, { snoozedUntil: new Date(Date.now() - 60_000).toISOString() }, alice)).json.error.message,
    ).toMatch(/future/);
    expect(
      (await send(row.id, { snoozedUntil: new Date(Date.now() + 400 * 86_400_000).toISOString() }, alice)).json.error
        .message,
    ).toMatch(/365 days/);
    expect((await send(row.id, undefined, alice, "{")).status).toBe(400);
    expect((await send(row.id, { snoozedUntil: inHours(1) }, undefined)).status).toBe(401);
    expect((await db.notification.findUniqueOrThrow({ where: { id: row.id } })).snoozedUntil).toBeNull();
  });

  it("only the owner: another user's item is a 404 and stays as it was", async () => {
    const bens = await insertNotification("u_ben");
    const res = await send(bens.id, { snoozedUntil: inHours(1) }, alice);
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
    expect((await db.notification.findUniqueOrThrow({ where: { id: bens.id } })).snoozedUntil).toBeNull();
    expect(await ids("all", ben)).toEqual([bens.id]);
  });

  it("concurrent snoozes of one item both succeed and one of them holds", async () => {
    const row = await insertNotification("u_alice");
    const times = [inHours(1), inHours(3)];
    const results = await Promise.all(times.map((snoozedUntil) => send(row.id, { snoozedUntil }, alice)));
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const stored = await db.notification.findUniqueOrThrow({ where: { id: row.id } });
    expect(times).toContain(stored.snoozedUntil!.toISOString());
    expect(await ids("snoozed", alice)).toEqual([row.id]);
    expect(await count(alice)).toBe(0);
  });
});

describe("the return", () => {
  it("brings a due item back unread at the top, pushed once even with two sweepers at once", async () => {
    const row = await insertNotification("u_alice", { minutesAgo: 60, readAt: new Date() });
    const newer = await insertNotification("u_alice", { minutesAgo: 1 });
    await send(row.id, { snoozedUntil: inHours(1) }, alice);
    const socket = await realtime.connect(alice);
    const pushed: NotificationItem[] = [];
    socket.on("notification:new", (item) => pushed.push(item));
    const counted = nextEvent(socket, "notifications:unread-count");

    expect(await returnDueSnoozes()).toBe(0);
    await makeDue(row.id);
    // Two instances' sweepers at the same moment: SKIP LOCKED gives the row to one of them.
    const returned = await Promise.all([returnDueSnoozes(), returnDueSnoozes()]);
    expect(returned.sort()).toEqual([0, 1]);
    expect(await counted).toEqual({ count: 2 });
    expect(await returnDueSnoozes()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ id: row.id, readAt: null, archivedAt: null });
    expect(pushed[0]!.snoozedUntil).toBeUndefined();
    expect(await ids("all", alice)).toEqual([row.id, newer.id]);
    expect(await ids("snoozed", alice)).toEqual([]);
    expect(await count(alice)).toBe(2);
  });

  it("an instance that dies in the middle of a return loses nothing: another pushes it, once", async () => {
    const row = await insertNotification("u_alice");
    await send(row.id, { snoozedUntil: inHours(1) }, alice);
    await makeDue(row.id);
    const socket = await realtime.connect(alice);
    const pushed: string[] = [];
    socket.on("notification:new", (item) => pushed.push(item.id));

    // The dying instance has claimed the row and not committed yet.
    const dying = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await dying.connect();
    await dying.query("BEGIN");
    await dying.query(`SELECT id FROM "Notification" WHERE id = $1 FOR UPDATE`, [row.id]);
    expect(await returnDueSnoozes()).toBe(0);
    // It dies: its transaction rolls back and the row is still due.
    await dying.end();

    const sweeper = startSnoozeSweeper({ everyMs: 50 });
    await expect.poll(() => pushed, { timeout: 5000 }).toEqual([row.id]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sweeper.stop();
    expect(pushed).toEqual([row.id]);
    expect(await ids("all", alice)).toEqual([row.id]);
  });

  it("after a restart, what came due while no instance ran comes back once", async () => {
    const row = await insertNotification("u_alice");
    await send(row.id, { snoozedUntil: inHours(1) }, alice);
    const socket = await realtime.connect(alice);
    const pushed: string[] = [];
    socket.on("notification:new", (item) => pushed.push(item.id));

    const before = startSnoozeSweeper({ everyMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await before.stop();
    expect(pushed).toEqual([]);
    await makeDue(row.id);
    const after = startSnoozeSweeper({ everyMs: 50 });
    await expect.poll(() => pushed, { timeout: 5000 }).toEqual([row.id]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await after.stop();
    expect(pushed).toEqual([row.id]);
  });
});
