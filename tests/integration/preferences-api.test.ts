import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as preferences from "@/app/api/preferences/route";
import * as reset from "@/app/api/preferences/reset/route";
import * as orgSettings from "@/app/api/organizations/[id]/notification-settings/route";
import { notificationTypes, typesInCategory } from "@/lib/notifications/catalog";
import { setUserPreference } from "@/lib/preferences/user-preferences";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";

beforeEach(() => resetDatabase());

async function as(userId: string) {
  return { cookie: await sessionCookie(userId) };
}

async function getPrefs(userId: string) {
  const res = await callRoute(preferences.GET, "/api/preferences", { headers: await as(userId) });
  expect(res.status).toBe(200);
  return res.json.items as any[];
}

async function putPrefs(userId: string, body: unknown) {
  return callRoute(preferences.PUT, "/api/preferences", { method: "PUT", body, headers: await as(userId) });
}

async function putOrg(userId: string, id: string, body: unknown) {
  return callRoute(orgSettings.PUT, `/api/organizations/${id}/notification-settings`, {
    method: "PUT",
    body,
    params: { id },
    headers: await as(userId),
  });
}

const cell = (items: any[], type: string, channel: string) =>
  items.find((item) => item.type === type && item.channel === channel);

describe("GET /api/preferences", () => {
  it("needs a session", async () => {
    const res = await callRoute(preferences.GET, "/api/preferences");
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthorized");
  });

  it("lists every type × channel with catalog defaults", async () => {
    const items = await getPrefs("u_liam");
    expect(items).toHaveLength(notificationTypes.length * 2);
    expect(cell(items, "quote.sent", "in_app")).toEqual({
      type: "quote.sent",
      category: "quotes",
      channel: "in_app",
      enabled: true,
      locked: false,
      source: "default",
    });
    expect(cell(items, "subscription.renewal_failed", "in_app")).toMatchObject({
      enabled: true,
      locked: true,
      source: "critical",
    });
  });
});

describe("PUT /api/preferences", () => {
  it("sets and clears the user's own choice, recording each change", async () => {
    const off = await putPrefs("u_liam", { type: "quote.sent", channel: "in_app", enabled: false });
    expect(off.status).toBe(200);
    expect(off.json.items).toEqual([
      expect.objectContaining({ type: "quote.sent", channel: "in_app", enabled: false, source: "user" }),
    ]);
    expect(cell(await getPrefs("u_liam"), "quote.sent", "in_app")).toMatchObject({ enabled: false, source: "user" });

    const cleared = await putPrefs("u_liam", { type: "quote.sent", channel: "in_app", enabled: null });
    expect(cleared.json.items[0]).toMatchObject({ enabled: true, source: "default" });
    const history = await db.preferenceChange.findMany({ where: { userId: "u_liam" }, orderBy: { createdAt: "asc" } });
    expect(
      history.map((h) => [h.scope, h.actorId, h.organizationId, h.type, h.channel, h.oldEnabled, h.newEnabled, h.via]),
    ).toEqual([
      ["user", "u_liam", "cust_litware", "quote.sent", "in_app", null, false, "settings"],
      ["user", "u_liam", "cust_litware", "quote.sent", "in_app", false, null, "settings"],
    ]);
  });

  it("does not record a change that changes nothing", async () => {
    await putPrefs("u_liam", { type: "quote.sent", channel: "email", enabled: false });
    await putPrefs("u_liam", { type: "quote.sent", channel: "email", enabled: false });
    expect(await db.preferenceChange.count({ where: { userId: "u_liam" } })).toBe(1);
  });

  it.each([
    [{ type: "quote.nope", channel: "email", enabled: false }, "type"],
    [{ type: "quote.sent", channel: "sms", enabled: false }, "channel"],
    [{ type: "quote.sent", channel: "email", enabled: "no" }, "enabled"],
    [{ type: "quote.sent", channel: "email" }, "enabled"],
    [{ channel: "email", enabled: true }, "type"],
    [{ type: "quote.sent", category: "quotes", channel: "email", enabled: true }, "type"],
    [{ category: "billing", channel: "email", enabled: true }, "category"],
    [{ type: "quote.sent", channel: "email", enabled: true, extra: 1 }, "$"],
  ])("rejects %j with 422 naming %s", async (body, path) => {
    const res = await putPrefs("u_liam", body);
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("validation_failed");
    expect(res.json.error.details.map((d: any) => d.path)).toContain(path);
  });

  it("rejects malformed bodies", async () => {
    const headers = { ...(await as("u_liam")), "content-type": "application/json" };
    expect(
      (await callRoute(preferences.PUT, "/api/preferences", { method: "PUT", rawBody: "{oops", headers })).status,
    ).toBe(400);
    const text = await callRoute(preferences.PUT, "/api/preferences", {
      method: "PUT",
      rawBody: "x",
      headers: { ...(await as("u_liam")), "content-type": "text/plain" },
    });
    expect(text.status).toBe(415);
    expect(
      (
        await callRoute(preferences.PUT, "/api/preferences", {
          method: "PUT",
          body: { type: "quote.sent", channel: "email", enabled: true },
        })
      ).status,
    ).toBe(401);
  });

  it("refuses to override a critical in-app cell with 409", async () => {
    const res = await putPrefs("u_liam", { type: "subscription.renewal_failed", channel: "in_app", enabled: false });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/critical/);
  });

  it("refuses to override a locked cell with 409 naming the lock's owner", async () => {
    expect(
      (
        await putOrg("u_ryan", "cust_litware", {
          type: "subscription.renewal_upcoming",
          channel: "email",
          enabled: false,
          locked: true,
        })
      ).status,
    ).toBe(200);
    expect(cell(await getPrefs("u_liam"), "subscription.renewal_upcoming", "email")).toEqual({
      type: "subscription.renewal_upcoming",
      category: "subscriptions",
      channel: "email",
      enabled: false,
      locked: true,
      source: "organization",
      sourceName: "Contoso Reseller",
      lockedBy: "Contoso Reseller",
    });
    const res = await putPrefs("u_liam", { type: "subscription.renewal_upcoming", channel: "email", enabled: true });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/^Locked by Contoso Reseller/),
    });
  });

  it("a lock overrides a choice the user made before it", async () => {
    await putPrefs("u_alice", { type: "order.status_changed", channel: "email", enabled: true });
    await putOrg("u_ryan", "res_contoso", {
      type: "order.status_changed",
      channel: "email",
      enabled: false,
      locked: true,
    });
    expect(cell(await getPrefs("u_alice"), "order.status_changed", "email")).toMatchObject({
      enabled: false,
      locked: true,
      lockedBy: "Contoso Reseller",
    });
  });

  it("sets a whole category, skipping locked and critical cells and saying so", async () => {
    await putOrg("u_ryan", "cust_litware", {
      type: "subscription.renewal_upcoming",
      channel: "in_app",
      enabled: true,
      locked: true,
    });
    const res = await putPrefs("u_liam", { category: "subscriptions", channel: "in_app", enabled: false });
    expect(res.status).toBe(200);
    const skipped = res.json.skipped.map((s: any) => s.type).sort();
    const critical = typesInCategory("subscriptions").filter(
      (type) => cell(res.json.items, type, "in_app") === undefined,
    );
    expect(skipped).toEqual(critical.sort());
    expect(skipped).toContain("subscription.renewal_upcoming");
    expect(skipped).toContain("subscription.renewal_failed");
    expect(res.json.skipped.find((s: any) => s.type === "subscription.renewal_upcoming").reason).toMatch(
      /Locked by Contoso Reseller/,
    );
    expect(res.json.items.every((item: any) => item.enabled === false && item.source === "user")).toBe(true);
    expect(res.json.items).toHaveLength(typesInCategory("subscriptions").length - skipped.length);
  });

  it("a category changes only the types the organization's settings page shows", async () => {
    // quote.accepted and quote.change_requested reach sellers, never a customer's users.
    const res = await putPrefs("u_liam", { category: "quotes", channel: "email", enabled: false });
    expect(res.status).toBe(200);
    const changed = res.json.items.map((item: any) => item.type);
    expect(changed).toContain("quote.sent");
    expect(changed).not.toContain("quote.accepted");
    expect(changed).not.toContain("quote.change_requested");
    const items = await getPrefs("u_liam");
    expect(cell(items, "quote.accepted", "email").source).not.toBe("user");
    expect(cell(items, "quote.sent", "email")).toMatchObject({ enabled: false, source: "user" });

    const none = await putPrefs("u_liam", { category: "catalog", channel: "email", enabled: false });
    expect(none.status).toBe(422);
    expect(none.json.error.details[0]).toMatchObject({ path: "category" });
    expect(none.json.error.message).toMatch(/reaches customer organizations/);
  });

  it("an organization's category setting skips the types that cannot reach its kind", async () => {
    const res = await putOrg("u_ryan", "cust_litware", { category: "orders", channel: "email", enabled: false });
    expect(res.status).toBe(200);
    const stored = await db.organizationPreference.findMany({ where: { organizationId: "cust_litware" } });
    const types = stored.map((row: any) => row.type);
    expect(types).toContain("order.status_changed");
    expect(types).not.toContain("order.pending_approval");
    expect(types).not.toContain("order.provisioning_details");
  });

  it("answers 409 when every cell of a category is locked or critical", async () => {
    for (const type of typesInCategory("payments")) {
      await putOrg("u_alice", "cust_adatum", { type, channel: "email", locked: true });
    }
    const res = await putPrefs("u_mia", { category: "payments", channel: "email", enabled: false });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/Locked by Adatum Corporation/);
  });
});

describe("POST /api/preferences/reset", () => {
  it("removes every override and records each removal", async () => {
    await putPrefs("u_mia", { type: "quote.sent", channel: "email", enabled: false });
    await putPrefs("u_mia", { type: "order.status_changed", channel: "in_app", enabled: false });
    await putPrefs("u_ben", { type: "order.status_changed", channel: "in_app", enabled: false });
    const res = await callRoute(reset.POST, "/api/preferences/reset", { method: "POST", headers: await as("u_mia") });
    expect(res.status).toBe(200);
    expect(res.json.removed).toBe(2);
    expect(res.json.items.some((item: any) => item.source === "user")).toBe(false);
    expect(await db.userPreference.count({ where: { userId: "u_mia" } })).toBe(0);
    expect(await db.userPreference.count({ where: { userId: "u_ben" } })).toBe(1);
    const removals = await db.preferenceChange.findMany({ where: { userId: "u_mia", newEnabled: null } });
    expect(removals).toHaveLength(2);
  });
});

describe("setUserPreference (for the unsubscribe link)", () => {
  it("turns email off and records it as an unsubscribe", async () => {
    const item = await setUserPreference({
      userId: "u_ben",
      type: "quote.sent",
      channel: "email",
      enabled: false,
      via: "unsubscribe",
      actorId: "u_ben",
    });
    expect(item).toMatchObject({ channel: "email", enabled: false, source: "user" });
    expect(await db.preferenceChange.findFirst({ where: { userId: "u_ben" } })).toMatchObject({
      via: "unsubscribe",
      newEnabled: false,
    });
  });

  it("throws a conflict for a locked cell", async () => {
    await putOrg("u_alice", "cust_adatum", { type: "quote.sent", channel: "email", enabled: true, locked: true });
    await expect(
      setUserPreference({
        userId: "u_mia",
        type: "quote.sent",
        channel: "email",
        enabled: false,
        via: "unsubscribe",
        actorId: "u_mia",
      }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/^Locked by Adatum Corporation/),
    });
  });
});
