// Email cadence per category and the delivery schedule through the real route handlers: the same
// inheritance and locks as the per-type settings, validation, authorization, history.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as delivery from "@/app/api/preferences/delivery/route";
import * as cadence from "@/app/api/preferences/cadence/route";
import * as schedule from "@/app/api/preferences/schedule/route";
import * as orgCadence from "@/app/api/organizations/[id]/notification-settings/cadence/route";
import * as history from "@/app/api/organizations/[id]/notification-settings/history/route";
import * as reset from "@/app/api/preferences/reset/route";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";

beforeEach(() => resetDatabase());

const as = async (userId: string) => ({ cookie: await sessionCookie(userId) });

async function getDelivery(userId: string) {
  const res = await callRoute(delivery.GET, "/api/preferences/delivery", { headers: await as(userId) });
  expect(res.status).toBe(200);
  return res.json as { cadence: any[]; schedule: any };
}
const putCadence = async (userId: string, body: unknown) =>
  callRoute(cadence.PUT, "/api/preferences/cadence", { method: "PUT", body, headers: await as(userId) });
const putSchedule = async (userId: string, body: unknown) =>
  callRoute(schedule.PUT, "/api/preferences/schedule", { method: "PUT", body, headers: await as(userId) });
const putOrg = async (userId: string, id: string, body: unknown) =>
  callRoute(orgCadence.PUT, `/api/organizations/${id}/notification-settings/cadence`, {
    method: "PUT",
    body,
    params: { id },
    headers: await as(userId),
  });
const category = (items: any[], key: string) => items.find((item) => item.category === key);

describe("a user's cadence", () => {
  it("needs a session", async () => {
    expect((await callRoute(delivery.GET, "/api/preferences/delivery")).status).toBe(401);
    expect((await callRoute(cadence.PUT, "/api/preferences/cadence", { method: "PUT", body: {} })).status).toBe(401);
  });

  it("is instant by default, names the always-instant types, and follows the user's choice", async () => {
    const before = await getDelivery("u_liam");
    expect(category(before.cadence, "subscriptions")).toMatchObject({
      cadence: "instant",
      locked: false,
      source: "default",
    });
    expect(category(before.cadence, "subscriptions").alwaysInstant).toContain("Renewal failed");
    expect(before.schedule).toEqual({ digestTime: "08:00", quietHours: null, timezone: "UTC" });

    const res = await putCadence("u_liam", { category: "quotes", cadence: "daily" });
    expect(res.status).toBe(200);
    expect(res.json.item).toMatchObject({ category: "quotes", cadence: "daily", source: "user" });
    const cleared = await putCadence("u_liam", { category: "quotes", cadence: null });
    expect(cleared.json.item).toMatchObject({ cadence: "instant", source: "default" });
    const changes = await db.preferenceChange.findMany({ where: { userId: "u_liam" }, orderBy: { createdAt: "asc" } });
    expect(changes.map((c) => [c.type, c.oldCadence, c.newCadence, c.via])).toEqual([
      ["quotes", null, "daily", "settings"],
      ["quotes", "daily", null, "settings"],
    ]);
  });

  it("refuses malformed bodies with every field by path", async () => {
    const res = await putCadence("u_liam", { category: "nope", cadence: "weekly", extra: 1 });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("validation_failed");
    const paths = res.json.error.details.map((d: any) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["category", "cadence"]));
    const raw = await callRoute(cadence.PUT, "/api/preferences/cadence", {
      method: "PUT",
      rawBody: "{",
      headers: { ...(await as("u_liam")), "content-type": "application/json" },
    });
    expect(raw.status).toBe(400);
  });
});

describe("organization defaults and locks", () => {
  it("a reseller's default reaches its customers' users; a lock beats their own choice and refuses changes", async () => {
    expect((await putOrg("u_ryan", "res_contoso", { category: "orders", cadence: "hourly" })).status).toBe(200);
    expect(category((await getDelivery("u_liam")).cadence, "orders")).toMatchObject({
      cadence: "hourly",
      source: "organization",
      sourceName: "Contoso Reseller",
    });
    expect((await putCadence("u_liam", { category: "orders", cadence: "instant" })).json.item).toMatchObject({
      cadence: "instant",
      source: "user",
    });

    const locked = await putOrg("u_ryan", "cust_litware", { category: "orders", cadence: "daily", locked: true });
    expect(locked.status).toBe(200);
    expect(locked.json.item).toMatchObject({ setting: "daily", locked: true, lockOwner: "Contoso Reseller" });
    expect(category((await getDelivery("u_liam")).cadence, "orders")).toMatchObject({
      cadence: "daily",
      locked: true,
      lockedBy: "Contoso Reseller",
    });
    const refused = await putCadence("u_liam", { category: "orders", cadence: "instant" });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain("Locked by Contoso Reseller");
    // The customer's own admin cannot lift the reseller's lock either.
    const customerAdmin = await putOrg("u_liam", "cust_litware", { category: "orders", locked: false });
    expect(customerAdmin.status).toBe(409);

    const res = await callRoute(history.GET, "/api/organizations/cust_litware/notification-settings/history", {
      params: { id: "cust_litware" },
      headers: await as("u_ryan"),
    });
    expect(res.json.items[0]).toMatchObject({
      typeLabel: "Orders",
      cadence: { old: null, new: "daily" },
      new: { locked: true },
    });
  });

  it("only admins of the organization or above; others' organizations are 404", async () => {
    expect((await putOrg("u_mia", "cust_adatum", { category: "orders", cadence: "daily" })).status).toBe(403);
    expect((await putOrg("u_liam", "cust_adatum", { category: "orders", cadence: "daily" })).status).toBe(404);
    expect((await putOrg("u_ryan", "cust_litware", { category: "orders" })).status).toBe(422);
    const read = await callRoute(orgCadence.GET, "/api/organizations/res_fabrikam/notification-settings/cadence", {
      params: { id: "res_fabrikam" },
      headers: await as("u_ryan"),
    });
    expect(read.status).toBe(404);
  });
});

describe("Reset to organization defaults", () => {
  it("removes the user's cadences with their channel choices, recorded; the digest time and quiet hours stay", async () => {
    await putOrg("u_ryan", "res_contoso", { category: "orders", cadence: "hourly" });
    await putCadence("u_liam", { category: "orders", cadence: "instant" });
    await putCadence("u_liam", { category: "quotes", cadence: "daily" });
    await putCadence("u_mia", { category: "quotes", cadence: "daily" });
    const schedule = { digestTime: "07:30", quietHours: { start: "20:00", end: "07:00", days: "weekdays" } };
    await putSchedule("u_liam", schedule);

    const res = await callRoute(reset.POST, "/api/preferences/reset", { method: "POST", headers: await as("u_liam") });
    expect(res.status).toBe(200);
    expect(res.json.removed).toBe(2);
    // The reseller's default applies again, and the rest follows the built-in one.
    expect(category(res.json.cadence, "orders")).toMatchObject({ cadence: "hourly", source: "organization" });
    expect(category(res.json.cadence, "quotes")).toMatchObject({ cadence: "instant", source: "default" });
    const after = await getDelivery("u_liam");
    expect(after.cadence).toEqual(res.json.cadence);
    expect(after.schedule).toMatchObject(schedule);
    // Another user's choice is theirs.
    expect(category((await getDelivery("u_mia")).cadence, "quotes")).toMatchObject({
      cadence: "daily",
      source: "user",
    });

    const removals = await db.preferenceChange.findMany({
      where: { userId: "u_liam", newCadence: null, oldCadence: { not: null } },
      orderBy: { type: "asc" },
    });
    expect(removals.map((c) => [c.type, c.oldCadence, c.actorId])).toEqual([
      ["orders", "instant", "u_liam"],
      ["quotes", "daily", "u_liam"],
    ]);
  });
});

describe("the delivery schedule", () => {
  it("sets the daily digest time and quiet hours on the user's clock, and clears them", async () => {
    await db.user.update({ where: { id: "u_liam" }, data: { timezone: "Europe/Berlin" } });
    const res = await putSchedule("u_liam", {
      digestTime: "07:30",
      quietHours: { start: "20:00", end: "07:00", days: "weekdays" },
    });
    expect(res.status).toBe(200);
    expect(res.json.schedule).toEqual({
      digestTime: "07:30",
      quietHours: { start: "20:00", end: "07:00", days: "weekdays" },
      timezone: "Europe/Berlin",
    });
    expect((await putSchedule("u_liam", { quietHours: null })).json.schedule).toMatchObject({
      digestTime: "07:30",
      quietHours: null,
    });
  });

  it("refuses bad times, equal start and end, and empty bodies", async () => {
    for (const body of [
      { digestTime: "24:00" },
      { digestTime: "7:00" },
      { quietHours: { start: "20:00", end: "20:00", days: "every_day" } },
      { quietHours: { start: "20:00", end: "07:00", days: "sundays" } },
      {},
    ]) {
      const res = await putSchedule("u_liam", body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });
});
