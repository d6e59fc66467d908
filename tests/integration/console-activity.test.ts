// The console's activity log: accepted events merged with duplicates and rejections, filters, and
// keyset pagination that neither skips nor repeats rows across the two tables (ties included).
import { beforeAll, describe, expect, it } from "vitest";
import { GET as activity } from "@/app/api/admin/activity/route";
import { POST as postEvent } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/api-keys";
import { apiKeyScopes } from "@/lib/api-key-scopes";
import { listActivity, type ActivityItem } from "@/lib/console/activity";
import { getConsoleOverview } from "@/lib/console/overview";
import { db } from "@/lib/db";
import { catalog } from "@/lib/notifications/catalog";
import { uuidv7 } from "@/lib/uuid";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";

let admin: string;
let apiKey: { id: string; key: string };

const get = (query: string) => callRoute(activity, `/api/admin/activity${query}`, { headers: { cookie: admin } });

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean) {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("condition not reached");
}

beforeAll(async () => {
  await resetDatabase();
  admin = await sessionCookie("u_platform_admin");
  apiKey = await createApiKey({ scopes: apiKeyScopes, name: "activity test key" });
});

describe("through the platform API", () => {
  it("shows an accepted event, its duplicate and a rejected request, newest first", async () => {
    const auth = { authorization: `Bearer ${apiKey.key}` };
    const body = {
      id: "evt_activity_1",
      type: "subscription.provisioned",
      occurredAt: "2026-11-26T10:00:00Z",
      organizationId: "cust_adatum",
      actor: { userId: "u_alice" },
      data: catalog["subscription.provisioned"].example,
    };
    expect((await callRoute(postEvent, "/api/v1/events", { body, headers: auth })).status).toBe(202);
    expect((await callRoute(postEvent, "/api/v1/events", { body, headers: auth })).status).toBe(200);
    // Rejections are recorded off the request path: wait, so the two land in a known order.
    await until(
      () => db.ingestRejection.count(),
      (count) => count === 1,
    );
    const bad = { ...body, id: "evt_activity_bad", data: { ...body.data, offerName: "" } };
    expect((await callRoute(postEvent, "/api/v1/events", { body: bad, headers: auth })).status).toBe(422);
    await until(
      () => db.ingestRejection.count(),
      (count) => count === 2,
    );
    const event = await db.event.findFirstOrThrow({ where: { externalId: "evt_activity_1" } });
    await db.emailDelivery.updateMany({ where: { eventId: event.id, role: "cc" }, data: { status: "sent" } });

    const res = await get("");
    expect(res.status).toBe(200);
    const items = res.json.items as any[];
    expect(items.map((item) => [item.result, item.externalId])).toEqual([
      ["rejected", "evt_activity_bad"],
      ["duplicate", "evt_activity_1"],
      ["accepted", "evt_activity_1"],
    ]);
    const [rejected, duplicate, accepted] = items;
    expect(accepted).toMatchObject({
      id: event.id,
      type: "subscription.provisioned",
      organizationId: "cust_adatum",
      organizationName: "Adatum Corporation",
      apiKeyName: "activity test key",
      notificationCount: 2,
      emails: { queued: 1, sent: 1 },
    });
    expect(duplicate).toMatchObject({
      status: 200,
      code: "duplicate",
      originalEventId: event.id,
      apiKeyName: "activity test key",
    });
    expect(rejected).toMatchObject({
      status: 422,
      code: "validation_failed",
      type: "subscription.provisioned",
      organizationName: "Adatum Corporation",
    });
    expect(rejected.message).toContain("data.offerName");
    expect(rejected.body).toContain("evt_activity_bad");
    expect(res.json.nextCursor).toBeNull();
  });

  it("counts them on the overview", async () => {
    expect(await getConsoleOverview()).toMatchObject({
      accepted: 1,
      duplicates: 1,
      rejected: 1,
      notifications: 2,
      failedEmails: 0,
      activeKeys: 1,
    });
    // A day later they have left the last-24-hours figures.
    expect(await getConsoleOverview(new Date(Date.now() + 25 * 3600_000))).toMatchObject({
      accepted: 0,
      duplicates: 0,
      rejected: 0,
    });
  });
});

describe("filters", () => {
  beforeAll(async () => {
    await db.event.deleteMany();
    await db.ingestRejection.deleteMany();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 12, minute));
    const event = (externalId: string, type: string, organizationId: string, minute: number) =>
      db.event.create({
        data: {
          id: uuidv7(),
          externalId,
          type,
          organizationId,
          occurredAt: at(minute),
          receivedAt: at(minute),
          data: {},
        },
      });
    await event("e1", "order.note_added", "cust_adatum", 1);
    await event("e2", "order.note_added", "cust_woodgrove", 2);
    await event("e3", "subscription.provisioned", "cust_adatum", 3);
    await db.ingestRejection.create({
      data: {
        receivedAt: at(4),
        externalId: "e1",
        type: "order.note_added",
        organizationId: "cust_adatum",
        status: 200,
        code: "duplicate",
        message: "dup",
      },
    });
    await db.ingestRejection.create({
      data: {
        receivedAt: at(5),
        externalId: "e9",
        type: "order.note_added",
        organizationId: "cust_adatum",
        status: 422,
        code: "validation_failed",
        message: "bad",
      },
    });
    await db.ingestRejection.create({
      data: { receivedAt: at(6), status: 400, code: "malformed_json", message: "not json", body: "{nope" },
    });
  });

  const ids = (res: { json: any }) =>
    (res.json.items as ActivityItem[]).map((item) => `${item.result}:${item.externalId ?? "-"}`);

  it("by type", async () => {
    expect(ids(await get("?type=order.note_added"))).toEqual([
      "rejected:e9",
      "duplicate:e1",
      "accepted:e2",
      "accepted:e1",
    ]);
  });

  it("by organization", async () => {
    expect(ids(await get("?organizationId=cust_adatum"))).toEqual([
      "rejected:e9",
      "duplicate:e1",
      "accepted:e3",
      "accepted:e1",
    ]);
  });

  it("by result", async () => {
    expect(ids(await get("?result=accepted"))).toEqual(["accepted:e3", "accepted:e2", "accepted:e1"]);
    expect(ids(await get("?result=duplicate"))).toEqual(["duplicate:e1"]);
    expect(ids(await get("?result=rejected"))).toEqual(["rejected:-", "rejected:e9"]);
  });

  it("by time range (inclusive, UTC when no zone is given, as a datetime-local input sends it)", async () => {
    expect(ids(await get("?from=2026-11-20T12:02&to=2026-11-20T12:04"))).toEqual([
      "duplicate:e1",
      "accepted:e3",
      "accepted:e2",
    ]);
    expect(ids(await get("?from=2026-11-20T12:05:00Z"))).toEqual(["rejected:-", "rejected:e9"]);
  });

  it("combined, and empty form fields count as absent", async () => {
    expect(ids(await get("?type=order.note_added&organizationId=cust_adatum&result=accepted&from=&to="))).toEqual([
      "accepted:e1",
    ]);
  });

  it("rejects invalid filters with 422 by field", async () => {
    for (const query of ["?result=maybe", "?from=yesterday", "?limit=0", "?limit=101", "?cursor=garbage"]) {
      const res = await get(query);
      expect(res.status, query).toBe(422);
      expect(res.json.error.code).toBe("validation_failed");
      expect(res.json.error.details[0].path).toBe(query.slice(1).split("=")[0]);
    }
  });
});

describe("keyset pagination across events and rejections", () => {
  let expected: string[];

  beforeAll(async () => {
    await db.event.deleteMany();
    await db.ingestRejection.deleteMany();
    // 30 rows over 6 instants: every instant is shared by events AND rejections (ties across tables).
    const rows: { id: string; at: Date; kind: "event" | "rejection" }[] = [];
    for (let i = 0; i < 30; i++) {
      rows.push({
        id: uuidv7(),
        at: new Date(Date.UTC(2026, 10, 21, 9, 0, i % 6)),
        kind: i % 3 === 0 ? "rejection" : "event",
      });
    }
    for (const row of rows) {
      if (row.kind === "event") {
        await db.event.create({
          data: {
            id: row.id,
            externalId: row.id,
            type: "order.note_added",
            organizationId: "cust_adatum",
            occurredAt: row.at,
            receivedAt: row.at,
            data: {},
          },
        });
      } else {
        await db.ingestRejection.create({
          data: { id: row.id, receivedAt: row.at, status: 422, code: "validation_failed", message: "bad" },
        });
      }
    }
    expected = rows.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1)).map((row) => row.id);
  });

  it.each([1, 4, 7, 30, 50])("walks every row exactly once in order with limit %i", async (limit) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      expect(res.json.items.length).toBeLessThanOrEqual(limit);
      seen.push(...res.json.items.map((item: ActivityItem) => item.id));
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.max(1, Math.ceil(expected.length / limit)));
  });

  it("keeps its place when newer rows arrive between pages", async () => {
    const first = await listActivity({ limit: 10 });
    await db.event.create({
      data: {
        id: uuidv7(),
        externalId: "late",
        type: "order.note_added",
        organizationId: "cust_adatum",
        occurredAt: new Date(),
        data: {},
      },
    });
    const second = await listActivity({ limit: 10, cursor: first.nextCursor! });
    expect(second.items.map((item) => item.id)).toEqual(expected.slice(10, 20));
  });

  it("paginates a filtered view too", async () => {
    const all = (await listActivity({ result: "rejected", limit: 100 })).items.map((item) => item.id);
    const page1 = await listActivity({ result: "rejected", limit: 3 });
    const page2 = await listActivity({ result: "rejected", limit: 3, cursor: page1.nextCursor! });
    expect([...page1.items, ...page2.items].map((item) => item.id)).toEqual(all.slice(0, 6));
    expect(all).toHaveLength(10);
  });
});
