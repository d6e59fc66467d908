// API keys from the console: created once-visible, listed without secrets, revoked with
// confirmation semantics (idempotent, one winner under concurrency), every change audited.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listKeys, POST as createKey } from "@/app/api/admin/api-keys/route";
import { DELETE as revokeKey } from "@/app/api/admin/api-keys/[id]/route";
import { GET as auditLog } from "@/app/api/admin/audit-log/route";
import { GET as directory } from "@/app/api/admin/directory/route";
import { authenticateApiKey } from "@/lib/api-keys";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";

let admin: string;

beforeAll(async () => {
  await resetDatabase();
  admin = await sessionCookie("u_platform_admin");
});

const headers = () => ({ cookie: admin });

describe("API keys", () => {
  let created: { id: string; key: string; prefix: string; name: string };

  it("creates a key that is shown once and works at once", async () => {
    const res = await callRoute(createKey, "/api/admin/api-keys", {
      method: "POST",
      body: { name: "  production  ", scopes: ["events", "directory"] },
      headers: headers(),
    });
    expect(res.status).toBe(201);
    created = res.json;
    expect(created).toMatchObject({
      name: "production",
      key: expect.stringMatching(/^nck_/),
      prefix: created.key.slice(0, 12),
    });
    expect(await authenticateApiKey(`Bearer ${created.key}`)).toEqual({
      id: created.id,
      name: "production",
      scopes: ["events", "directory"],
    });
  });

  it("lists keys without the key or its hash", async () => {
    const res = await callRoute(listKeys, "/api/admin/api-keys", { headers: headers() });
    expect(res.status).toBe(200);
    expect(res.json.items).toEqual([
      expect.objectContaining({ id: created.id, name: "production", prefix: created.prefix, revokedAt: null }),
    ]);
    expect(JSON.stringify(res.json)).not.toContain(created.key);
    expect(Object.keys(res.json.items[0]).sort()).toEqual([
      "createdAt",
      "id",
      "lastUsedAt",
      "name",
      "prefix",
      "revokedAt",
      "scopes",
    ]);
  });

  it("refuses an empty or too long name and a body that is not JSON", async () => {
    for (const name of ["", "   ", "x".repeat(101)]) {
      const res = await callRoute(createKey, "/api/admin/api-keys", {
        method: "POST",
        body: { name, scopes: ["events"] },
        headers: headers(),
      });
      expect(res.status).toBe(422);
      expect(res.json.error.details[0].path).toBe("name");
    }
    const raw = await callRoute(createKey, "/api/admin/api-keys", {
      method: "POST",
      rawBody: "name=x",
      headers: { ...headers(), "content-type": "text/plain" },
    });
    expect(raw.status).toBe(415);
  });

  it("revokes once under concurrent confirmations, and the key stops working", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        callRoute(revokeKey, `/api/admin/api-keys/${created.id}`, {
          method: "DELETE",
          params: { id: created.id },
          headers: headers(),
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.filter((r) => r.json.revoked === true)).toHaveLength(1);
    await expect(authenticateApiKey(`Bearer ${created.key}`)).rejects.toMatchObject({ code: "unauthorized" });
  });

  it("answers 404 for an unknown key", async () => {
    const res = await callRoute(revokeKey, "/api/admin/api-keys/nope", {
      method: "DELETE",
      params: { id: "nope" },
      headers: headers(),
    });
    expect(res.status).toBe(404);
  });

  it("records creation and revocation in the audit log, with who did it", async () => {
    const res = await callRoute(auditLog, "/api/admin/audit-log?action=api_key.", { headers: headers() });
    expect(res.status).toBe(200);
    expect(res.json.items.map((e: any) => [e.action, e.target, e.actor?.id])).toEqual([
      ["api_key.revoked", created.id, "u_platform_admin"],
      ["api_key.created", created.id, "u_platform_admin"],
    ]);
  });
});

describe("directory", () => {
  it("returns the tree: platform → distributor → resellers → customers, and vendors", async () => {
    const res = await callRoute(directory, "/api/admin/directory", { headers: headers() });
    expect(res.status).toBe(200);
    const [platform] = res.json.roots;
    expect(platform.id).toBe("platform");
    expect(platform.children.map((c: any) => c.id)).toEqual(["dist_northwind", "vendor_1"]);
    const northwind = platform.children[0];
    expect(northwind.children.map((c: any) => c.id)).toEqual(["res_contoso", "res_fabrikam"]);
    expect(northwind.children[0].children.map((c: any) => c.id)).toEqual(["cust_adatum", "cust_litware"]);
    const adatum = northwind.children[0].children[0];
    expect(adatum.users.find((u: any) => u.id === "u_alice")).toMatchObject({
      role: "admin",
      isPrimary: true,
      isBilling: false,
    });
    expect(adatum.users.find((u: any) => u.id === "u_ben")).toMatchObject({ isPrimary: false, isBilling: true });
  });

  it("searches by user email and keeps the ancestors for context", async () => {
    const res = await callRoute(directory, "/api/admin/directory?q=WENDY@", { headers: headers() });
    expect(res.json.matchCount).toBe(1);
    const path: string[] = [];
    for (let node = res.json.roots[0]; node; node = node.children[0]) path.push(`${node.id}:${node.matched}`);
    expect(path).toEqual(["platform:false", "dist_northwind:false", "res_fabrikam:false", "cust_woodgrove:true"]);
  });

  it("searches by organization name", async () => {
    const res = await callRoute(directory, "/api/admin/directory?q=contoso", { headers: headers() });
    expect(res.json.matchCount).toBe(1);
    const none = await callRoute(directory, "/api/admin/directory?q=zzz-nothing", { headers: headers() });
    expect(none.json).toMatchObject({ roots: [], matchCount: 0 });
  });
});
