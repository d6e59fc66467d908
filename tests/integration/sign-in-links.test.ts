import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/users/[id]/sign-in-links/route";
import { DELETE, PUT } from "@/app/api/v1/users/[id]/route";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { consumeSignInLink } from "@/lib/auth/sign-in-links";
import { callRoute, resetDatabase } from "../support/integration";
import { bearer, newApiKey } from "../support/platform-api";

let key: string;

beforeAll(async () => {
  await resetDatabase();
  key = await newApiKey();
});

const createLink = (id: string, headers: Record<string, string> = bearer(key)) =>
  callRoute(POST, `/api/v1/users/${id}/sign-in-links`, { method: "POST", headers, params: { id } });

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

let seq = 0;
/** A portal user synced through the API, with no password. */
async function newPortalUser() {
  const id = `u_portal_${Date.now().toString(36)}_${++seq}`;
  const res = await callRoute(PUT, `/api/v1/users/${id}`, {
    method: "PUT",
    headers: bearer(key),
    params: { id },
    body: { email: `${id}@litware.example`, name: "Portal User", organizationId: "cust_litware", role: "member" },
  });
  expect(res.status).toBe(201);
  return id;
}

// The NextAuth provider the /sign-in/link page calls.
const linkProvider = authOptions.providers.find(
  (p) => (p.options as { id?: string } | undefined)?.id === "sign-in-link",
)!;
const authorizeWithLink = (token: string) =>
  (linkProvider.options as { authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> }).authorize(
    { token },
    { headers: {} },
  );

describe("POST /api/v1/users/{id}/sign-in-links", () => {
  it("returns a one-time link on this service, valid for 10 minutes, stored only as a hash", async () => {
    const id = await newPortalUser();
    const before = Date.now();
    const res = await createLink(id);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json.url).toMatch(/^http:\/\/localhost:3999\/sign-in\/link\?token=[\w-]{40,}$/);
    const lifetime = Date.parse(res.json.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(9.9 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(10 * 60_000 + 1000);

    const token = tokenOf(res.json.url);
    const rows = await db.$queryRaw<
      { row: string }[]
    >`SELECT t::text AS row FROM "SignInToken" t WHERE t."userId" = ${id}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toContain(token);
  });

  it("answers 404 for an unknown user, 409 for a deactivated one, 401 without a key", async () => {
    expect((await createLink("u_nobody")).status).toBe(404);
    const id = await newPortalUser();
    await callRoute(DELETE, `/api/v1/users/${id}`, { method: "DELETE", headers: bearer(key), params: { id } });
    const res = await createLink(id);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("conflict");
    expect(res.json.error.message).toMatch(/deactivated/);
    expect((await createLink("u_alice", {})).status).toBe(401);
    expect((await createLink("u_alice", { authorization: "Bearer nck_wrong" })).status).toBe(401);
  });
});

describe("consuming a sign-in link", () => {
  it("signs in a user who has no password, once", async () => {
    const id = await newPortalUser();
    const token = tokenOf((await createLink(id)).json.url);
    const user = await authorizeWithLink(token);
    expect(user).toMatchObject({ id, organizationId: "cust_litware", role: "member" });
    await expect(authorizeWithLink(token)).rejects.toThrow(/invalid, expired or already used/);
  });

  it("lets exactly one of two concurrent uses succeed", async () => {
    for (let round = 0; round < 5; round++) {
      const token = tokenOf((await createLink("u_liam")).json.url);
      const results = await Promise.all([consumeSignInLink(token), consumeSignInLink(token), consumeSignInLink(token)]);
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it("refuses an expired link", async () => {
    const id = await newPortalUser();
    const token = tokenOf((await createLink(id)).json.url);
    await db.signInToken.updateMany({ where: { userId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await consumeSignInLink(token)).toBeNull();
    await expect(authorizeWithLink(token)).rejects.toThrow(/expired/);
  });

  it("refuses unknown and malformed tokens", async () => {
    expect(await consumeSignInLink("A".repeat(43))).toBeNull();
    expect(await consumeSignInLink("")).toBeNull();
    expect(await consumeSignInLink('\'; DROP TABLE "User"; --')).toBeNull();
  });

  it("kills open links when the user is deactivated, even if reactivated later", async () => {
    const id = await newPortalUser();
    const token = tokenOf((await createLink(id)).json.url);
    await callRoute(DELETE, `/api/v1/users/${id}`, { method: "DELETE", headers: bearer(key), params: { id } });
    await callRoute(PUT, `/api/v1/users/${id}`, {
      method: "PUT",
      headers: bearer(key),
      params: { id },
      body: { email: `${id}@litware.example`, name: "Portal User", organizationId: "cust_litware", role: "member" },
    });
    expect(await consumeSignInLink(token)).toBeNull();
    // A new link works again.
    expect(await consumeSignInLink(tokenOf((await createLink(id)).json.url))).toMatchObject({ id });
  });
});
