// Every console API route: anonymous → 401, anyone but a platform admin → 403 (reseller admin,
// customer admin, distributor admin, a platform member), a platform admin → allowed.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as activity } from "@/app/api/admin/activity/route";
import { GET as listKeys, POST as createKey } from "@/app/api/admin/api-keys/route";
import { DELETE as revokeKey } from "@/app/api/admin/api-keys/[id]/route";
import { GET as auditLog } from "@/app/api/admin/audit-log/route";
import { GET as directory } from "@/app/api/admin/directory/route";
import { GET as eventDetail } from "@/app/api/admin/events/[id]/route";
import { POST as testEvents } from "@/app/api/admin/test-events/route";
import { createApiKey } from "@/lib/api-keys";
import { apiKeyScopes } from "@/lib/api-key-scopes";
import { invalidate } from "@/lib/cache/invalidation";
import { deactivateUser } from "@/lib/directory/users";
import { catalog } from "@/lib/notifications/catalog";
import { db } from "@/lib/db";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";

type AnyHandler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

let keyId: string;

beforeAll(async () => {
  await resetDatabase();
  keyId = (await createApiKey({ scopes: apiKeyScopes, name: "authorization test" })).id;
  await db.user.create({
    data: {
      id: "u_platform_member",
      email: "member@platform.example",
      name: "Pat Member",
      organizationId: "platform",
      role: "member",
    },
  });
});

const routes: {
  name: string;
  handler: AnyHandler;
  path: string;
  method: string;
  params?: () => Record<string, string>;
  body?: () => unknown;
}[] = [
  { name: "GET /api/admin/activity", handler: activity, path: "/api/admin/activity", method: "GET" },
  {
    name: "GET /api/admin/events/{id}",
    handler: eventDetail,
    path: "/api/admin/events/x",
    method: "GET",
    params: () => ({ id: "x" }),
  },
  { name: "GET /api/admin/api-keys", handler: listKeys, path: "/api/admin/api-keys", method: "GET" },
  {
    name: "POST /api/admin/api-keys",
    handler: createKey,
    path: "/api/admin/api-keys",
    method: "POST",
    body: () => ({ name: "sneaky", scopes: ["events"] }),
  },
  {
    name: "DELETE /api/admin/api-keys/{id}",
    handler: revokeKey,
    path: "/api/admin/api-keys/k",
    method: "DELETE",
    params: () => ({ id: keyId }),
  },
  { name: "GET /api/admin/audit-log", handler: auditLog, path: "/api/admin/audit-log", method: "GET" },
  { name: "GET /api/admin/directory", handler: directory, path: "/api/admin/directory", method: "GET" },
  {
    name: "POST /api/admin/test-events",
    handler: testEvents,
    path: "/api/admin/test-events",
    method: "POST",
    body: () => ({
      type: "subscription.provisioned",
      organizationId: "cust_adatum",
      actorId: "u_alice",
      data: catalog["subscription.provisioned"].example,
    }),
  },
];

async function call(route: (typeof routes)[number], cookie?: string) {
  return callRoute(route.handler, route.path, {
    method: route.method,
    params: route.params?.(),
    body: route.body?.(),
    headers: cookie ? { cookie } : {},
  });
}

describe.each(routes)("$name", (route) => {
  it("answers 401 without a session", async () => {
    const res = await call(route);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthorized");
  });

  it.each(["u_ryan", "u_alice", "u_dana", "u_platform_member"])("answers 403 to %s", async (userId) => {
    const res = await call(route, await sessionCookie(userId));
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ error: { code: "forbidden", message: expect.any(String) } });
  });
});

describe("refused callers change nothing", () => {
  it("leaves keys, audit log and events untouched", async () => {
    expect(await db.apiKey.count({ where: { name: "sneaky" } })).toBe(0);
    expect(await db.apiKey.count({ where: { id: keyId, revokedAt: { not: null } } })).toBe(0);
    expect(await db.event.count()).toBe(0);
    expect(await db.auditLog.count({ where: { actorId: { not: null } } })).toBe(0);
  });
});

describe("a platform admin", () => {
  it("is allowed on every route", async () => {
    const cookie = await sessionCookie("u_platform_admin");
    for (const route of routes) {
      const res = await call(route, cookie);
      // The detail of an unknown event is a 404; everything else succeeds.
      const expected = route.handler === eventDetail ? 404 : route.method === "POST" ? 201 : 200;
      expect(res.status, `${route.name}: ${JSON.stringify(res.json)}`).toBe(expected);
    }
  });

  it("loses access at once when deactivated", async () => {
    const cookie = await sessionCookie("u_platform_admin");
    expect((await call(routes[0]!, cookie)).status).toBe(200);
    await deactivateUser({ id: "u_platform_admin" });
    const res = await call(routes[0]!, cookie);
    expect(res.status).toBe(401);
    // Reactivated behind the app's back: its caches must be told.
    await db.user.update({ where: { id: "u_platform_admin" }, data: { active: true } });
    await invalidate("users");
  });
});
