// The signed-in user is cached between requests (lib/auth/user-cache.ts, lib/auth/session-token.ts):
// every change to a user or their organization must still reach the very next request, here and on
// the other instances, and a cached session never outlives its token.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as orgSettings } from "@/app/api/organizations/[id]/notification-settings/route";
import { GET as inbox } from "@/app/api/notifications/route";
import { PUT as putOrganization } from "@/app/api/v1/organizations/[id]/route";
import { DELETE as deleteUser, PUT as putUser } from "@/app/api/v1/users/[id]/route";
import { getCurrentUser } from "@/lib/auth/session";
import { listenForInvalidations } from "@/lib/cache/invalidation";
import { db } from "@/lib/db";
import { announceFromAnotherInstance, callRoute, resetDatabase, sessionCookie } from "../support/integration";
import { bearer, newApiKey } from "../support/platform-api";

let key: string;
let listener: ReturnType<typeof listenForInvalidations>;

beforeAll(async () => {
  await resetDatabase();
  key = await newApiKey();
  listener = listenForInvalidations(process.env.DATABASE_URL!);
  await listener.started;
});
afterAll(() => listener.stop());

let seq = 0;
const newId = () => `u_cache_${Date.now().toString(36)}_${++seq}`;
const userBody = (id: string, extra: Record<string, unknown> = {}) => ({
  email: `${id}@adatum.example`,
  name: "Cached User",
  organizationId: "cust_adatum",
  role: "member",
  ...extra,
});
const put = (id: string, body: unknown) =>
  callRoute(putUser, `/api/v1/users/${id}`, { method: "PUT", body, headers: bearer(key), params: { id } });
const remove = (id: string) =>
  callRoute(deleteUser, `/api/v1/users/${id}`, { method: "DELETE", headers: bearer(key), params: { id } });
const getInbox = (cookie: string) => callRoute(inbox, "/api/notifications", { headers: { cookie } });
// Adatum's organization settings: for Adatum's admins (and admins above), not its members.
const getOrgSettings = (cookie: string) =>
  callRoute(orgSettings, "/api/organizations/cust_adatum/notification-settings", {
    headers: { cookie },
    params: { id: "cust_adatum" },
  });
const currentUser = (cookie: string) =>
  getCurrentUser(new Request("http://localhost:3999/api/notifications", { headers: { cookie } }));

describe("the cached signed-in user", () => {
  it("is refused right after deactivation and let back in after reactivation", async () => {
    const id = newId();
    await put(id, userBody(id));
    const cookie = await sessionCookie(id);
    expect((await getInbox(cookie)).status).toBe(200);
    expect((await getInbox(cookie)).status).toBe(200);

    expect((await remove(id)).status).toBe(200);
    expect((await getInbox(cookie)).status).toBe(401);

    expect((await put(id, userBody(id))).status).toBe(200);
    expect((await getInbox(cookie)).status).toBe(200);
  });

  it("gains and loses a role on the next request", async () => {
    const id = newId();
    await put(id, userBody(id));
    const cookie = await sessionCookie(id);
    expect((await getOrgSettings(cookie)).status).toBe(403);

    await put(id, userBody(id, { role: "admin" }));
    expect((await getOrgSettings(cookie)).status).toBe(200);

    await put(id, userBody(id, { role: "member" }));
    expect((await getOrgSettings(cookie)).status).toBe(403);
  });

  it("shows a new name, email and organization name on the next request", async () => {
    const id = newId();
    await put(id, userBody(id));
    const cookie = await sessionCookie(id);
    expect(await currentUser(cookie)).toMatchObject({
      name: "Cached User",
      organization: { name: "Adatum Corporation" },
    });

    await put(id, userBody(id, { name: "Renamed User", email: `renamed.${id}@adatum.example` }));
    expect(await currentUser(cookie)).toMatchObject({ name: "Renamed User", email: `renamed.${id}@adatum.example` });

    const renamed = await callRoute(putOrganization, "/api/v1/organizations/cust_adatum", {
      method: "PUT",
      body: { name: "Renamed Adatum", kind: "customer", parentId: "res_contoso", primaryContactId: "u_alice" },
      headers: bearer(key),
      params: { id: "cust_adatum" },
    });
    expect(renamed.status, JSON.stringify(renamed.json)).toBe(200);
    expect((await currentUser(cookie))?.organization.name).toBe("Renamed Adatum");
  });

  it("is dropped when another instance announces a user change", async () => {
    const id = newId();
    await put(id, userBody(id));
    const cookie = await sessionCookie(id);
    expect(await currentUser(cookie)).not.toBeNull();

    // Another instance deactivates the user: this process did not see the write, only the notice.
    await db.user.update({ where: { id }, data: { active: false } });
    expect(await currentUser(cookie)).not.toBeNull(); // still cached: the notice has not arrived
    await announceFromAnotherInstance("users");
    expect(await currentUser(cookie)).toBeNull();
  });

  it("ends with its session token", async () => {
    const cookie = await sessionCookie("u_mia");
    expect(await currentUser(cookie)).not.toBeNull();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // The test sessions last 30 days (NextAuth's default).
      vi.setSystemTime(Date.now() + 31 * 24 * 60 * 60_000);
      expect(await currentUser(cookie)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
