import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as orgSettings from "@/app/api/organizations/[id]/notification-settings/route";
import * as history from "@/app/api/organizations/[id]/notification-settings/history/route";
import * as preferences from "@/app/api/preferences/route";
import { notificationTypes, typesInCategory } from "@/lib/notifications/catalog";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";

beforeEach(() => resetDatabase());

const path = (id: string) => `/api/organizations/${id}/notification-settings`;

async function getOrg(userId: string, id: string) {
  return callRoute(orgSettings.GET, path(id), { params: { id }, headers: { cookie: await sessionCookie(userId) } });
}

async function putOrg(userId: string, id: string, body: unknown) {
  return callRoute(orgSettings.PUT, path(id), {
    method: "PUT",
    body,
    params: { id },
    headers: { cookie: await sessionCookie(userId) },
  });
}

const cell = (items: any[], type: string, channel: string) =>
  items.find((item) => item.type === type && item.channel === channel);
const sample = { type: "quote.sent", channel: "email", enabled: false };

describe("who may manage an organization's settings", () => {
  // [actor, organization, expected status]
  const cases: [string, string, number][] = [
    ["u_alice", "cust_adatum", 200], // customer admin: own organization
    ["u_alice", "cust_litware", 404], // another customer: not visible
    ["u_alice", "res_contoso", 403], // its reseller: visible, not manageable
    ["u_alice", "platform", 403],
    ["u_mia", "cust_adatum", 403], // a member: own organization, but not an admin
    ["u_ben", "cust_adatum", 403], // billing admin is not an organization admin
    ["u_ryan", "res_contoso", 200], // reseller admin: own organization…
    ["u_ryan", "cust_litware", 200], // …and every customer beneath it
    ["u_ryan", "cust_tailspin", 404], // another reseller's customer
    ["u_ryan", "res_fabrikam", 404],
    ["u_ryan", "dist_northwind", 403], // its distributor
    ["u_amy", "cust_litware", 404], // reseller account manager: manages nothing
    ["u_amy", "res_contoso", 403],
    ["u_fiona", "cust_woodgrove", 200],
    ["u_fiona", "cust_adatum", 404],
    ["u_dana", "dist_northwind", 200], // distributor admin: the whole subtree
    ["u_dana", "res_fabrikam", 200],
    ["u_dana", "cust_tailspin", 200],
    ["u_dana", "vendor_1", 404],
    ["u_dana", "platform", 403],
    ["u_platform_admin", "cust_woodgrove", 200], // platform admin: everything
    ["u_platform_admin", "vendor_1", 200],
    ["u_platform_admin", "nope", 404],
    ["u_alice", "nope", 404],
  ];

  it.each(cases)("%s on %s → %i (GET and PUT)", async (actor, organization, status) => {
    const read = await getOrg(actor, organization);
    expect(read.status).toBe(status);
    const write = await putOrg(actor, organization, sample);
    expect(write.status).toBe(status);
    if (status === 403) expect(write.json.error.code).toBe("forbidden");
    if (status === 404) expect(write.json.error.code).toBe("not_found");
    const stored = await db.organizationPreference.count({ where: { organizationId: organization } });
    expect(stored).toBe(status === 200 ? 1 : 0);
  });

  it("needs a session", async () => {
    expect((await callRoute(orgSettings.GET, path("cust_adatum"), { params: { id: "cust_adatum" } })).status).toBe(401);
  });

  it("validates the body with 422", async () => {
    for (const body of [
      { type: "x.y", channel: "email", enabled: true },
      { type: "quote.sent", channel: "fax", locked: true },
      { type: "quote.sent", channel: "email" },
      { type: "quote.sent", channel: "email", locked: "yes" },
    ]) {
      const res = await putOrg("u_ryan", "cust_litware", body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
  });
});

describe("organization settings", () => {
  it("lists every cell with its own value, the inherited value and its source", async () => {
    await putOrg("u_dana", "dist_northwind", { type: "quote.sent", channel: "email", enabled: false });
    const res = await getOrg("u_ryan", "cust_litware");
    expect(res.json.organization).toMatchObject({ id: "cust_litware", name: "Litware Inc." });
    expect(res.json.items).toHaveLength(notificationTypes.length * 2);
    expect(cell(res.json.items, "quote.sent", "email")).toEqual({
      type: "quote.sent",
      category: "quotes",
      channel: "email",
      enabled: false,
      source: "organization",
      sourceName: "Northwind Distribution",
      setting: null,
      locked: false,
      inherited: { enabled: false, source: "organization", sourceName: "Northwind Distribution" },
      critical: false,
    });
    expect(cell(res.json.items, "subscription.renewal_failed", "in_app")).toMatchObject({
      critical: true,
      enabled: true,
      source: "critical",
    });
  });

  it("sets, locks, unlocks and returns to inherit, deleting the row when nothing is left", async () => {
    const set = await putOrg("u_ryan", "cust_litware", {
      type: "quote.sent",
      channel: "email",
      enabled: false,
      locked: true,
    });
    expect(set.json.items[0]).toMatchObject({
      setting: false,
      locked: true,
      lockOwner: "Contoso Reseller",
      enabled: false,
      source: "organization",
      sourceName: "Contoso Reseller",
    });
    expect(set.json.items[0].lockedBy).toBeUndefined();
    await putOrg("u_ryan", "cust_litware", { type: "quote.sent", channel: "email", locked: false });
    const back = await putOrg("u_ryan", "cust_litware", { type: "quote.sent", channel: "email", enabled: null });
    expect(back.json.items[0]).toMatchObject({ setting: null, locked: false, enabled: true, source: "default" });
    expect(await db.organizationPreference.count()).toBe(0);
  });

  it("a reseller's lock on a customer holds against the customer's own admin", async () => {
    await putOrg("u_ryan", "cust_litware", {
      type: "subscription.renewal_upcoming",
      channel: "email",
      enabled: false,
      locked: true,
    });
    const seen = await getOrg("u_liam", "cust_litware");
    expect(cell(seen.json.items, "subscription.renewal_upcoming", "email")).toMatchObject({
      locked: true,
      lockOwner: "Contoso Reseller",
      lockedBy: "Contoso Reseller",
    });
    const res = await putOrg("u_liam", "cust_litware", {
      type: "subscription.renewal_upcoming",
      channel: "email",
      locked: false,
    });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/^Locked by Contoso Reseller/);
    // The distributor above may lift it.
    expect(
      (
        await putOrg("u_dana", "cust_litware", {
          type: "subscription.renewal_upcoming",
          channel: "email",
          locked: false,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await putOrg("u_liam", "cust_litware", {
          type: "subscription.renewal_upcoming",
          channel: "email",
          enabled: true,
        })
      ).status,
    ).toBe(200);
  });

  it("a lock above forbids overriding below with 409 naming its owner", async () => {
    await putOrg("u_ryan", "res_contoso", {
      type: "order.status_changed",
      channel: "email",
      enabled: true,
      locked: true,
    });
    const res = await putOrg("u_alice", "cust_adatum", {
      type: "order.status_changed",
      channel: "email",
      enabled: false,
    });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/^Locked by Contoso Reseller/);
    expect(
      (await putOrg("u_ryan", "cust_adatum", { type: "order.status_changed", channel: "email", enabled: false }))
        .status,
    ).toBe(409);
  });

  it("refuses critical in-app cells with 409", async () => {
    const res = await putOrg("u_ryan", "cust_litware", {
      type: "subscription.renewal_failed",
      channel: "in_app",
      enabled: false,
    });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/critical/);
  });

  it("sets a category, skipping locked and critical cells", async () => {
    await putOrg("u_dana", "res_contoso", { type: "subscription.renewed", channel: "in_app", locked: true });
    const res = await putOrg("u_ryan", "res_contoso", {
      category: "subscriptions",
      channel: "in_app",
      enabled: false,
      locked: true,
    });
    expect(res.status).toBe(200);
    const skipped = res.json.skipped.map((s: any) => s.type);
    expect(skipped).toContain("subscription.renewed");
    expect(skipped).toContain("subscription.renewal_failed");
    expect(res.json.items).toHaveLength(typesInCategory("subscriptions").length - skipped.length);
    expect(res.json.skipped.find((s: any) => s.type === "subscription.renewed").reason).toMatch(
      /Locked by Northwind Distribution/,
    );
  });

  it("users below see the organization's value and who set it", async () => {
    await putOrg("u_ryan", "res_contoso", { type: "quote.sent", channel: "email", enabled: false });
    const res = await callRoute(preferences.GET, "/api/preferences", {
      headers: { cookie: await sessionCookie("u_liam") },
    });
    expect(cell(res.json.items, "quote.sent", "email")).toMatchObject({
      enabled: false,
      locked: false,
      source: "organization",
      sourceName: "Contoso Reseller",
    });
  });
});

describe("history", () => {
  it("records every change with who, when, scope and old → new, visible to the organization's admins", async () => {
    await putOrg("u_ryan", "cust_litware", { type: "quote.sent", channel: "email", enabled: false });
    await putOrg("u_dana", "cust_litware", { type: "quote.sent", channel: "email", locked: true });
    await callRoute(preferences.PUT, "/api/preferences", {
      method: "PUT",
      body: { type: "quote.sent", channel: "in_app", enabled: false },
      headers: { cookie: await sessionCookie("u_liam") },
    });
    const res = await callRoute(history.GET, `${path("cust_litware")}/history`, {
      params: { id: "cust_litware" },
      headers: { cookie: await sessionCookie("u_ryan") },
    });
    expect(res.status).toBe(200);
    expect(
      res.json.items.map((h: any) => [h.actorName, h.scope, h.userName, h.type, h.channel, h.old, h.new, h.via]),
    ).toEqual([
      [
        "Liam Litware",
        "user",
        "Liam Litware",
        "quote.sent",
        "in_app",
        { enabled: null, locked: null },
        { enabled: false, locked: null },
        "settings",
      ],
      [
        "Dana Distributor",
        "organization",
        undefined,
        "quote.sent",
        "email",
        { enabled: false, locked: false },
        { enabled: false, locked: true },
        "admin",
      ],
      [
        "Ryan Reseller",
        "organization",
        undefined,
        "quote.sent",
        "email",
        { enabled: null, locked: false },
        { enabled: false, locked: false },
        "admin",
      ],
    ]);
    expect(res.json.items[0].typeLabel).toBeTruthy();
    expect(new Date(res.json.items[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const page = await callRoute(history.GET, `${path("cust_litware")}/history?limit=2`, {
      params: { id: "cust_litware" },
      headers: { cookie: await sessionCookie("u_ryan") },
    });
    expect(page.json.items).toHaveLength(2);
    const next = await callRoute(
      history.GET,
      `${path("cust_litware")}/history?limit=2&cursor=${page.json.nextCursor}`,
      { params: { id: "cust_litware" }, headers: { cookie: await sessionCookie("u_ryan") } },
    );
    expect(next.json.items.map((h: any) => h.actorName)).toEqual(["Ryan Reseller"]);
    expect(next.json.nextCursor).toBeNull();
  });

  it("is refused like the settings: 403 visible, 404 invisible, 422 bad query", async () => {
    const call = async (userId: string, id: string, query = "") =>
      (
        await callRoute(history.GET, `${path(id)}/history${query}`, {
          params: { id },
          headers: { cookie: await sessionCookie(userId) },
        })
      ).status;
    expect(await call("u_mia", "cust_adatum")).toBe(403);
    expect(await call("u_alice", "cust_litware")).toBe(404);
    expect(await call("u_alice", "cust_adatum", "?limit=0")).toBe(422);
  });
});

describe("concurrent changes", () => {
  it("lose no history row: each row's old value is the previous row's new value", async () => {
    const values = Array.from({ length: 12 }, (_, i) => [true, false, null][i % 3]!);
    const cookie = await sessionCookie("u_liam");
    const results = await Promise.all(
      values.map((enabled) =>
        callRoute(preferences.PUT, "/api/preferences", {
          method: "PUT",
          body: { type: "quote.sent", channel: "email", enabled },
          headers: { cookie },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(values.map(() => 200));
    const rows = await db.preferenceChange.findMany({
      where: { userId: "u_liam" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(rows.length).toBeGreaterThan(0);
    let previous: boolean | null = null;
    for (const row of rows) {
      expect(row.oldEnabled).toBe(previous);
      expect(row.newEnabled).not.toBe(row.oldEnabled);
      previous = row.newEnabled;
    }
    const stored = await db.userPreference.findUnique({
      where: { userId_type_channel: { userId: "u_liam", type: "quote.sent", channel: "email" } },
    });
    expect(stored?.enabled ?? null).toBe(previous);
  });

  it("on an organization's cell too", async () => {
    const bodies = Array.from({ length: 12 }, (_, i) => ({
      type: "quote.sent",
      channel: "email",
      ...(i % 2 ? { locked: i % 4 === 1 } : { enabled: [true, false, null][i % 3] }),
    }));
    // One admin: a lock belongs to whoever set it last, so mixing admins could rightly answer 409.
    const results = await Promise.all(bodies.map((body) => putOrg("u_ryan", "cust_litware", body)));
    expect(results.map((r) => r.status)).toEqual(bodies.map(() => 200));
    const rows = await db.preferenceChange.findMany({
      where: { organizationId: "cust_litware" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    let previous = { enabled: null as boolean | null, locked: false as boolean | null };
    for (const row of rows) {
      expect({ enabled: row.oldEnabled, locked: row.oldLocked }).toEqual(previous);
      previous = { enabled: row.newEnabled, locked: row.newLocked };
    }
    const stored = await db.organizationPreference.findUnique({
      where: { organizationId_type_channel: { organizationId: "cust_litware", type: "quote.sent", channel: "email" } },
    });
    expect({ enabled: stored?.enabled ?? null, locked: stored?.locked ?? false }).toEqual(previous);
  });
});
