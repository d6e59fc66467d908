import { beforeAll, describe, expect, it } from "vitest";
import { PUT } from "@/app/api/v1/organizations/[id]/route";
import { PUT as putUser } from "@/app/api/v1/users/[id]/route";
import { db } from "@/lib/db";
import { onDirectoryChanged, type DirectoryChange } from "@/lib/directory/events";
import { callRoute, resetDatabase } from "../support/integration";
import { bearer, newApiKey, oversizedBody } from "../support/platform-api";

let key: string;

beforeAll(async () => {
  await resetDatabase();
  key = await newApiKey();
});

const put = (id: string, body: unknown) =>
  callRoute(PUT, `/api/v1/organizations/${encodeURIComponent(id)}`, {
    method: "PUT",
    body,
    headers: bearer(key),
    params: { id },
  });

let seq = 0;
const newId = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${++seq}`;

function expectInvalid(res: { status: number; json: any }, path: string) {
  expect(res.status, JSON.stringify(res.json)).toBe(422);
  expect(res.json.error.code).toBe("validation_failed");
  expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
}

describe("PUT /api/v1/organizations/{id}", () => {
  it("creates (201) and then updates (200) the same organization, returning the stored record", async () => {
    const id = newId("cust");
    const body = {
      name: "Initech",
      kind: "customer",
      parentId: "res_contoso",
      status: "pending_approval",
      primaryContactId: "u_future_primary",
      branding: { logoUrl: "https://cdn.example.com/logo.png", primaryColor: "#AABBCC" },
    };
    const created = await put(id, body);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({
      id,
      name: "Initech",
      kind: "customer",
      parentId: "res_contoso",
      status: "pending_approval",
      primaryContactId: "u_future_primary",
      billingContactId: null,
      branding: { logoUrl: "https://cdn.example.com/logo.png", primaryColor: "#aabbcc" },
    });
    expect(Date.parse(created.json.createdAt)).not.toBeNaN();

    const again = await put(id, body);
    expect(again.status).toBe(200);
    expect({ ...again.json, updatedAt: undefined }).toEqual({ ...created.json, updatedAt: undefined });
    expect(await db.organization.count({ where: { id } })).toBe(1);

    // PUT replaces: omitted optional fields return to their defaults.
    const replaced = await put(id, { name: "Initech Ltd", kind: "customer", parentId: "res_fabrikam" });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({
      name: "Initech Ltd",
      parentId: "res_fabrikam",
      status: "active",
      primaryContactId: null,
      branding: null,
    });
    const stored = await db.organization.findUniqueOrThrow({ where: { id } });
    expect(stored.parentId).toBe("res_fabrikam");
    expect(stored.branding).toBeNull();
  });

  it("accepts an id in the body that repeats the path's id, and refuses one that differs", async () => {
    const id = newId("cust");
    expect((await put(id, { id, name: "Same", kind: "customer", parentId: "res_contoso" })).status).toBe(201);
    expectInvalid(await put(id, { id: "other", name: "Other", kind: "customer", parentId: "res_contoso" }), "id");
  });

  it("refuses malformed ids in the path", async () => {
    for (const id of ["has space", "slash/inside", "x".repeat(201), "..", "ümlaut"]) {
      const res = await put(id, { name: "Bad", kind: "customer", parentId: "res_contoso" });
      expectInvalid(res, "id");
    }
    expect((await put("a.b:c-d_9", { name: "Good", kind: "vendor", parentId: "platform" })).status).toBe(201);
  });

  it("names an unknown parentId", async () => {
    const res = await put(newId("cust"), { name: "Orphan", kind: "customer", parentId: "res_missing" });
    expectInvalid(res, "parentId");
    expect(res.json.error.message).toMatch(/res_missing/);
  });

  it("requires a parent that makes sense for the kind", async () => {
    const cases: [string, string][] = [
      ["customer", "dist_northwind"],
      ["customer", "cust_adatum"],
      ["customer", "platform"],
      ["reseller", "cust_adatum"],
      ["reseller", "res_fabrikam"],
      ["distributor", "res_contoso"],
      ["distributor", "dist_northwind"],
      ["vendor", "dist_northwind"],
      ["platform", "platform"],
      ["platform", "dist_northwind"],
    ];
    for (const [kind, parentId] of cases) {
      const res = await put(newId(kind), { name: "Misplaced", kind, parentId });
      expectInvalid(res, "parentId");
    }
    for (const [kind, parentId] of [
      ["reseller", "platform"],
      ["reseller", "dist_northwind"],
      ["distributor", "platform"],
      ["vendor", "platform"],
      ["customer", "res_fabrikam"],
    ]) {
      const res = await put(newId(kind!), { name: "Placed", kind, parentId });
      expect(res.status, `${kind} under ${parentId}: ${JSON.stringify(res.json)}`).toBe(201);
    }
  });

  it("refuses an organization as its own parent and any cycle", async () => {
    expectInvalid(
      await put("res_contoso", { name: "Contoso Reseller", kind: "reseller", parentId: "res_contoso" }),
      "parentId",
    );
    // A distributor cannot move under its own reseller: the kind rule already forbids the cycle.
    expectInvalid(
      await put("dist_northwind", { name: "Northwind", kind: "distributor", parentId: "res_contoso" }),
      "parentId",
    );
    expect((await db.organization.findUniqueOrThrow({ where: { id: "dist_northwind" } })).parentId).toBe("platform");
  });

  it("refuses a kind change that no longer suits the organizations beneath", async () => {
    const res = await put("res_contoso", { name: "Contoso Reseller", kind: "customer", parentId: "res_fabrikam" });
    expectInvalid(res, "kind");
    expect(res.json.error.message).toMatch(/cust_adatum|cust_litware/);
    expect((await db.organization.findUniqueOrThrow({ where: { id: "res_contoso" } })).kind).toBe("reseller");
  });

  it("lets an organization name contacts before they are synced, then checks that synced ones belong to it", async () => {
    const id = newId("cust");
    const created = await put(id, {
      name: "Early",
      kind: "customer",
      parentId: "res_contoso",
      primaryContactId: `${id}_admin`,
      billingContactId: `${id}_billing`,
    });
    expect(created.status).toBe(201);

    const userRes = await callRoute(putUser, `/api/v1/users/${id}_admin`, {
      method: "PUT",
      headers: bearer(key),
      params: { id: `${id}_admin` },
      body: { email: `${id}@example.com`, name: "Early Admin", organizationId: id, role: "admin" },
    });
    expect(userRes.status).toBe(201);
    expect(
      (await put(id, { name: "Early", kind: "customer", parentId: "res_contoso", primaryContactId: `${id}_admin` }))
        .status,
    ).toBe(200);

    // u_alice exists and belongs to Adatum.
    const wrongPrimary = await put(id, {
      name: "Early",
      kind: "customer",
      parentId: "res_contoso",
      primaryContactId: "u_alice",
    });
    expectInvalid(wrongPrimary, "primaryContactId");
    expect(wrongPrimary.json.error.message).toMatch(/cust_adatum/);
    expectInvalid(
      await put(id, { name: "Early", kind: "customer", parentId: "res_contoso", billingContactId: "u_ben" }),
      "billingContactId",
    );
  });

  it("validates every field by JSON path", async () => {
    const base = { name: "Valid", kind: "customer", parentId: "res_contoso" };
    expectInvalid(await put(newId("c"), { ...base, name: "" }), "name");
    expectInvalid(await put(newId("c"), { ...base, kind: "partner" }), "kind");
    expectInvalid(await put(newId("c"), { ...base, status: "deleted" }), "status");
    expectInvalid(await put(newId("c"), { ...base, parentId: "bad id" }), "parentId");
    expectInvalid(await put(newId("c"), { ...base, primaryContactId: 42 }), "primaryContactId");
    expectInvalid(await put(newId("c"), { ...base, branding: { primaryColor: "blue" } }), "branding.primaryColor");
    expectInvalid(await put(newId("c"), { ...base, branding: { primaryColor: "#12345" } }), "branding.primaryColor");
    expectInvalid(
      await put(newId("c"), { ...base, branding: { logoUrl: "http://cdn.example.com/logo.png" } }),
      "branding.logoUrl",
    );
    expectInvalid(await put(newId("c"), { ...base, branding: { logoUrl: "javascript:alert(1)" } }), "branding.logoUrl");
    expectInvalid(await put(newId("c"), { ...base, parentID: "res_contoso" }), "$");
    const missing = await put(newId("c"), {});
    expect(missing.json.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["name", "kind"]),
    );
    expectInvalid(await put(newId("c"), [base]), "$");
  });

  it("answers 415, 413 and 400 for bodies it cannot read", async () => {
    const id = newId("c");
    const call = (rawBody: string, contentType: string) =>
      callRoute(PUT, `/api/v1/organizations/${id}`, {
        method: "PUT",
        rawBody,
        headers: { ...bearer(key), "content-type": contentType },
        params: { id },
      });
    expect((await call(JSON.stringify({ name: "x", kind: "vendor" }), "text/plain")).status).toBe(415);
    expect((await call(oversizedBody(), "application/json")).status).toBe(413);
    const malformed = await call('{"name": ', "application/json");
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe("malformed_json");
    expect(await db.organization.count({ where: { id } })).toBe(0);
  });

  it("survives 10 concurrent upserts of one new id: one 201, nine 200, one row", async () => {
    const id = newId("cust");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => put(id, { name: `Racer ${i}`, kind: "customer", parentId: "res_contoso" })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await db.organization.count({ where: { id } })).toBe(1);
  });

  it("tells directory subscribers after each change, and not after a rejected one", async () => {
    const changes: DirectoryChange[] = [];
    const unsubscribe = onDirectoryChanged((change) => changes.push(change));
    const id = newId("cust");
    await put(id, { name: "Signal", kind: "customer", parentId: "res_contoso" });
    await put(id, { name: "Signal", kind: "customer", parentId: "res_missing" });
    unsubscribe();
    await put(id, { name: "Signal 2", kind: "customer", parentId: "res_contoso" });
    expect(changes).toEqual([{ kind: "organization", id }]);
  });
});

describe("organization tree after sync", () => {
  it("keeps the demo tree intact after rejected moves", async () => {
    const contoso = await db.organization.findUniqueOrThrow({ where: { id: "res_contoso" } });
    expect(contoso).toMatchObject({ kind: "reseller", parentId: "dist_northwind" });
  });
});
