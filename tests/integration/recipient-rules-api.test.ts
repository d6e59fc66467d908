import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import * as list from "@/app/api/organizations/[id]/recipient-rules/route";
import * as one from "@/app/api/organizations/[id]/recipient-rules/[type]/route";
import * as preview from "@/app/api/organizations/[id]/recipient-rules/[type]/preview/route";
import * as people from "@/app/api/organizations/[id]/people/route";
import * as history from "@/app/api/organizations/[id]/notification-settings/history/route";
import * as v1 from "@/app/api/v1/organizations/[id]/recipient-rules/[type]/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import { notificationTypes } from "@/lib/notifications/catalog";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";
import { bearer, newApiKey } from "../support/platform-api";
import { createApiKey } from "@/lib/api-keys";

beforeEach(() => resetDatabase());

const path = (id: string, type?: string) => `/api/organizations/${id}/recipient-rules${type ? `/${type}` : ""}`;
const as = async (userId: string) => ({ cookie: await sessionCookie(userId) });

async function put(userId: string, id: string, type: string, body: unknown) {
  return callRoute(one.PUT, path(id, type), { method: "PUT", body, params: { id, type }, headers: await as(userId) });
}
async function del(userId: string, id: string, type: string) {
  return callRoute(one.DELETE, path(id, type), { method: "DELETE", params: { id, type }, headers: await as(userId) });
}
async function get(userId: string, id: string) {
  return callRoute(list.GET, path(id), { params: { id }, headers: await as(userId) });
}
async function previewOf(userId: string, id: string, type: string, forId?: string) {
  const query = forId ? `?for=${encodeURIComponent(forId)}` : "";
  return callRoute(preview.GET, `${path(id, type)}/preview${query}`, {
    params: { id, type },
    headers: await as(userId),
  });
}

const item = (items: any[], type: string) => items.find((i) => i.type === type);
const billingRule = {
  to: [{ role: "billing_admin", of: "customer" }],
  cc: [{ email: "billing@contoso.example" }],
  bcc: [],
};

describe("rights: the same as notification settings", () => {
  const cases: [string, string, number][] = [
    ["u_alice", "cust_adatum", 200], // customer admin: own organization
    ["u_alice", "cust_litware", 404],
    ["u_alice", "res_contoso", 403],
    ["u_mia", "cust_adatum", 403], // member
    ["u_ryan", "res_contoso", 200],
    ["u_ryan", "cust_adatum", 200], // reseller admin: its customers
    ["u_ryan", "cust_tailspin", 404], // another reseller's customer
    ["u_ryan", "dist_northwind", 403],
    ["u_amy", "cust_adatum", 404], // account manager manages nothing
    ["u_dana", "cust_tailspin", 200], // distributor admin: whole subtree
    ["u_platform_admin", "cust_woodgrove", 200],
    ["u_alice", "nope", 404],
  ];
  it.each(cases)("%s on %s → %i (GET, PUT, DELETE, preview)", async (actor, id, status) => {
    expect((await get(actor, id)).status).toBe(status);
    expect((await put(actor, id, "quote.sent", billingRule)).status).toBe(status);
    expect((await del(actor, id, "quote.sent")).status).toBe(status);
    expect((await previewOf(actor, id, "quote.sent")).status).toBe(status);
  });

  it("401 without a session; error shape everywhere", async () => {
    const response = await callRoute(list.GET, path("cust_adatum"), { params: { id: "cust_adatum" } });
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe("unauthorized");
  });
});

describe("reading and changing rules", () => {
  it("lists every type with the catalog's rule by default", async () => {
    const { status, json } = await get("u_alice", "cust_adatum");
    expect(status).toBe(200);
    expect(json.items.map((i: any) => i.type)).toEqual(notificationTypes);
    expect(item(json.items, "subscription.renewal_failed")).toMatchObject({
      source: "catalog",
      locked: false,
      rule: {
        to: [{ token: "customer.primary" }, { token: "customer.billing" }],
        cc: [{ token: "reseller.primary" }],
        bcc: [],
      },
    });
  });

  it("a reseller's rule is inherited by its customers, names its source, and a delete returns to the catalog", async () => {
    const saved = await put("u_ryan", "res_contoso", "quote.sent", billingRule);
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({
      type: "quote.sent",
      source: "organization",
      sourceOrganizationId: "res_contoso",
      sourceName: "Contoso Reseller",
      rule: billingRule,
      locked: false,
    });
    const customer = item((await get("u_alice", "cust_adatum")).json.items, "quote.sent");
    expect(customer).toMatchObject({ source: "organization", sourceName: "Contoso Reseller", own: false });
    const removed = await del("u_ryan", "res_contoso", "quote.sent");
    expect(removed.status).toBe(200);
    expect(removed.json).toMatchObject({ source: "catalog", rule: { to: [{ token: "customer.primary" }] } });
  });

  it("a lock above is a 409 for the organization beneath, naming who locked it", async () => {
    expect((await put("u_ryan", "res_contoso", "quote.sent", { ...billingRule, locked: true })).status).toBe(200);
    const refused = await put("u_alice", "cust_adatum", "quote.sent", { to: [{ token: "customer.primary" }] });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: "conflict" });
    expect(refused.json.error.message).toContain("Contoso Reseller");
    expect((await del("u_alice", "cust_adatum", "quote.sent")).status).toBe(200); // nothing own to delete
    // The reseller admin is above its own lock's level, yet a rule beneath a lock would be meaningless too.
    expect((await put("u_ryan", "cust_adatum", "quote.sent", billingRule)).status).toBe(409);
    expect(item((await get("u_alice", "cust_adatum")).json.items, "quote.sent")).toMatchObject({
      locked: true,
      lockedBy: "Contoso Reseller",
    });
  });

  it("a lock a reseller set on a customer's own rule holds against the customer's admin, not against the reseller", async () => {
    expect((await put("u_ryan", "cust_adatum", "quote.sent", { ...billingRule, locked: true })).status).toBe(200);
    expect((await put("u_alice", "cust_adatum", "quote.sent", { to: [{ token: "customer.primary" }] })).status).toBe(
      409,
    );
    expect((await del("u_alice", "cust_adatum", "quote.sent")).status).toBe(409);
    const unlocked = await put("u_ryan", "cust_adatum", "quote.sent", { ...billingRule, locked: false });
    expect(unlocked.status).toBe(200);
    expect((await put("u_alice", "cust_adatum", "quote.sent", { to: [{ token: "customer.primary" }] })).status).toBe(
      200,
    );
  });

  it("422 names each bad entry by JSON path, and nothing is saved", async () => {
    const bad = await put("u_ryan", "res_contoso", "quote.sent", {
      to: [{ token: "customer.primary" }, { role: "owner", of: "customer" }],
      cc: [{ email: "nope" }],
      bcc: [{ userId: "u_1", email: "x@y.example" }],
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details.map((d: any) => d.path)).toEqual(["to[1].role", "cc[0].email", "bcc[0].email"]);
    expect(await db.recipientRule.count()).toBe(0);
  });

  it("422 for a user outside the organization's tree or unknown; a user beneath it is fine", async () => {
    const outside = await put("u_ryan", "res_contoso", "quote.sent", {
      to: [{ userId: "u_alice" }, { userId: "u_tom" }, { userId: "u_ghost" }],
    });
    expect(outside.status).toBe(422);
    expect(outside.json.error.details).toEqual([
      { path: "to[1].userId", message: expect.stringContaining("does not belong"), code: "outside_organization" },
      { path: "to[2].userId", message: expect.stringContaining("no known user"), code: "unknown_user" },
    ]);
    // A customer admin may not name its reseller's people.
    const up = await put("u_alice", "cust_adatum", "quote.sent", { to: [{ userId: "u_ryan" }] });
    expect(up.status).toBe(422);
  });

  it("more than 50 entries, unknown keys, malformed JSON and unknown types are refused", async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ email: `p${i}@x.example` }));
    expect((await put("u_ryan", "res_contoso", "quote.sent", { to: many })).status).toBe(422);
    expect((await put("u_ryan", "res_contoso", "quote.sent", { to: [], colour: "red" })).status).toBe(422);
    const malformed = await callRoute(one.PUT, path("res_contoso", "quote.sent"), {
      method: "PUT",
      rawBody: "{nope",
      headers: { ...(await as("u_ryan")), "content-type": "application/json" },
      params: { id: "res_contoso", type: "quote.sent" },
    });
    expect(malformed.status).toBe(400);
    const unknown = await put("u_ryan", "res_contoso", "quote.nope", billingRule);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("not_found");
  });

  it("a critical type's rule must keep someone in To", async () => {
    const silenced = await put("u_ryan", "res_contoso", "subscription.renewal_failed", {
      cc: [{ token: "customer.primary" }],
    });
    expect(silenced.status).toBe(422);
    expect(silenced.json.error.details[0].path).toBe("to");
  });

  it("concurrent saves each leave a history entry and the last one stands", async () => {
    const bodies = Array.from({ length: 5 }, (_, i) => ({ to: [{ email: `p${i}@x.example` }] }));
    const results = await Promise.all(bodies.map((body) => put("u_ryan", "res_contoso", "quote.sent", body)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const changes = await db.preferenceChange.findMany({ where: { organizationId: "res_contoso", channel: null } });
    expect(changes).toHaveLength(5);
    // Each entry's old rule is the previous entry's new one: none lost or misordered.
    const ordered = changes.sort((a, b) => (a.id < b.id ? -1 : 1));
    ordered.slice(1).forEach((change, i) => expect(change.oldRule).toEqual(ordered[i]!.newRule));
  });
});

describe("history", () => {
  it("every change is in the organization's settings history: who, when, old → new", async () => {
    await put("u_ryan", "cust_adatum", "quote.sent", billingRule);
    await put("u_ryan", "cust_adatum", "quote.sent", { to: [{ token: "customer.admins" }], locked: true });
    await del("u_ryan", "cust_adatum", "quote.sent");
    const { json } = await callRoute(history.GET, "/api/organizations/cust_adatum/notification-settings/history", {
      params: { id: "cust_adatum" },
      headers: await as("u_alice"),
    });
    expect(json.items).toHaveLength(3);
    const [removed, relocked, first] = json.items;
    expect(first).toMatchObject({
      actorName: "Ryan Reseller",
      channel: null,
      typeLabel: expect.any(String),
      rule: { old: null, new: billingRule },
      old: { locked: false },
      new: { locked: false },
    });
    expect(relocked).toMatchObject({
      rule: { old: billingRule, new: { to: [{ token: "customer.admins" }] } },
      new: { locked: true },
    });
    expect(removed).toMatchObject({
      rule: { old: { to: [{ token: "customer.admins" }] }, new: null },
      old: { locked: true },
    });
    expect(typeof first.at).toBe("string");
  });
});

describe("preview", () => {
  it("shows the real people and addresses for an organization beneath, and why", async () => {
    await put("u_ryan", "res_contoso", "quote.sent", {
      to: [{ role: "billing_admin", of: "customer" }, { token: "actor" }],
      cc: [{ email: "billing@contoso.example" }, { email: "MIA@adatum.example" }],
      bcc: [{ token: "customer.primary" }],
    });
    const { status, json } = await previewOf("u_ryan", "res_contoso", "quote.sent", "cust_adatum");
    expect(status).toBe(200);
    expect(json.organization).toEqual({ id: "cust_adatum", name: "Adatum Corporation" });
    const rows = json.recipients.map((r: any) => [r.userId ?? null, r.email, r.field]);
    expect(rows).toEqual([
      ["u_ben", "ben@adatum.example", "to"],
      ["u_mia", "mia@adatum.example", "cc"],
      ["u_alice", "alice@adatum.example", "bcc"],
      [null, "billing@contoso.example", "cc"],
    ]);
    expect(json.recipients[0].via).toBe("To by Contoso Reseller's rule: Every billing admin of the customer");
    expect(json.notes).toContain("To: the user involved in the event is added when it happens.");
  });

  it("a deactivated user's address is that user: nobody", async () => {
    await db.user.update({ where: { id: "u_mia" }, data: { active: false } });
    await put("u_ryan", "res_contoso", "quote.sent", { to: [{ email: "mia@adatum.example" }] });
    const { json } = await previewOf("u_ryan", "res_contoso", "quote.sent", "cust_adatum");
    expect(json.recipients).toEqual([]);
    expect(json.notes).toContain("Mia Adatum is deactivated and gets nothing.");
  });

  it("422 for an organization that is not at or beneath this one", async () => {
    const response = await previewOf("u_ryan", "res_contoso", "quote.sent", "cust_tailspin");
    expect(response.status).toBe(422);
    expect(response.json.error.details[0].path).toBe("for");
  });
});

describe("people picker", () => {
  it("finds active users of the organization's tree by name or email, nobody above or beside it", async () => {
    const search = async (q: string) =>
      (
        await callRoute(people.GET, `/api/organizations/res_contoso/people?q=${encodeURIComponent(q)}`, {
          params: { id: "res_contoso" },
          headers: await as("u_ryan"),
        })
      ).json.items.map((p: any) => p.id);
    expect(await search("adatum.example")).toEqual(expect.arrayContaining(["u_alice", "u_ben", "u_mia"]));
    expect(await search("Ben")).toEqual(["u_ben"]);
    expect(await search("dana")).toEqual([]);
    expect(await search("tom")).toEqual([]);
    expect(await search("%")).toEqual([]);
  });
});

describe("Platform API mirror", () => {
  const v1path = (id: string, type: string) => `/api/v1/organizations/${id}/recipient-rules/${type}`;

  it("PUT and DELETE with an API key, in the history as the API", async () => {
    const key = await newApiKey();
    const saved = await callRoute(v1.PUT, v1path("dist_northwind", "quote.sent"), {
      method: "PUT",
      body: { ...billingRule, locked: true },
      params: { id: "dist_northwind", type: "quote.sent" },
      headers: bearer(key),
    });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ sourceOrganizationId: "dist_northwind", locked: true });
    // Beneath the distributor's lock: 409 for the API too.
    const beneath = await callRoute(v1.PUT, v1path("res_contoso", "quote.sent"), {
      method: "PUT",
      body: billingRule,
      params: { id: "res_contoso", type: "quote.sent" },
      headers: bearer(key),
    });
    expect(beneath.status).toBe(409);
    const change = await db.preferenceChange.findFirstOrThrow({ where: { organizationId: "dist_northwind" } });
    expect(change).toMatchObject({ via: "api", actorId: null, channel: null });
    const removed = await callRoute(v1.DELETE, v1path("dist_northwind", "quote.sent"), {
      method: "DELETE",
      params: { id: "dist_northwind", type: "quote.sent" },
      headers: bearer(key),
    });
    expect(removed.status).toBe(200);
    expect(removed.json.source).toBe("catalog");
  });

  it("401 without a key, 404 for an unknown organization or type, 422 by JSON path", async () => {
    const key = await newApiKey();
    const call = (id: string, type: string, body: unknown, headers = bearer(key)) =>
      callRoute(v1.PUT, v1path(id, type), { method: "PUT", body, params: { id, type }, headers });
    expect((await call("res_contoso", "quote.sent", billingRule, {} as any)).status).toBe(401);
    expect((await call("nope", "quote.sent", billingRule)).status).toBe(404);
    expect((await call("platform", "quote.sent", billingRule)).status).toBe(403);
    const narrow = (await createApiKey({ scopes: ["events"], name: "events only" })).key;
    expect((await call("res_contoso", "quote.sent", billingRule, bearer(narrow))).status).toBe(403);
    expect((await call("res_contoso", "nope", billingRule)).status).toBe(404);
    const bad = await call("res_contoso", "quote.sent", { to: [{ token: "boss" }] });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details[0].path).toBe("to[0].token");
  });

  it("is in the OpenAPI document, with the schemas that validate it", async () => {
    const { json } = await callRoute(openapi.GET as never, "/api/v1/openapi.json");
    const operation = json.paths["/api/v1/organizations/{id}/recipient-rules/{type}"];
    expect(Object.keys(operation)).toEqual(["put", "delete"]);
    expect(json.components.schemas.RecipientRule.properties.to.maxItems).toBe(50);
    expect(json.components.schemas.RecipientRuleItem.properties.source.enum).toEqual(["catalog", "organization"]);
  });
});
