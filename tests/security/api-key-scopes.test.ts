// Least-privilege API keys: each key holds the scopes chosen at creation, every Platform API route
// requires one, and no key reaches the center's own operators (platform organizations, platform
// admins, their sign-in links). Every sign-in link asked for is audited.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createKey } from "@/app/api/admin/api-keys/route";
import { POST as postEvent } from "@/app/api/v1/events/route";
import { POST as postBatch } from "@/app/api/v1/events/batch/route";
import { PUT as putOrganization } from "@/app/api/v1/organizations/[id]/route";
import { DELETE as deleteUser, PUT as putUser } from "@/app/api/v1/users/[id]/route";
import { POST as createLink } from "@/app/api/v1/users/[id]/sign-in-links/route";
import { createApiKey } from "@/lib/api-keys";
import { db } from "@/lib/db";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";
import { bearer } from "../support/platform-api";

beforeAll(() => resetDatabase());

const event = (id: string) => ({
  id,
  type: "subscription.renewal_failed",
  occurredAt: "2026-11-26T10:00:00Z",
  organizationId: "cust_adatum",
  data: { subscriptionId: "sub_1", subscriptionName: "Microsoft 365 E3", errorMessage: "Card declined" },
});

const putOrg = (key: string, id: string, body: unknown) =>
  callRoute(putOrganization, `/api/v1/organizations/${id}`, {
    method: "PUT",
    body,
    headers: bearer(key),
    params: { id },
  });
const putU = (key: string, id: string, body: unknown) =>
  callRoute(putUser, `/api/v1/users/${id}`, { method: "PUT", body, headers: bearer(key), params: { id } });
const link = (key: string, id: string) =>
  callRoute(createLink, `/api/v1/users/${id}/sign-in-links`, { method: "POST", headers: bearer(key), params: { id } });

describe("API key scopes", () => {
  it("a key with only `events` sends events but is refused (403, error shape) everywhere else", async () => {
    const { key } = await createApiKey({ name: "events only", scopes: ["events"] });
    const sent = await callRoute(postEvent, "/api/v1/events", { body: event("evt_scoped_1"), headers: bearer(key) });
    expect(sent.status).toBe(202);
    const batch = await callRoute(postBatch, "/api/v1/events/batch", {
      body: { events: [event("evt_scoped_2")] },
      headers: bearer(key),
    });
    expect(batch.status).toBe(207);

    const refused = [
      await putOrg(key, "vendor_scoped", { name: "Scoped", kind: "vendor", parentId: "platform" }),
      await putU(key, "u_scoped", {
        email: "s@adatum.example",
        name: "S",
        organizationId: "cust_adatum",
        role: "admin",
      }),
      await callRoute(deleteUser, "/api/v1/users/u_mia", {
        method: "DELETE",
        headers: bearer(key),
        params: { id: "u_mia" },
      }),
      await link(key, "u_alice"),
    ];
    for (const res of refused) {
      expect(res.status).toBe(403);
      expect(res.json.error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/scope/) });
    }
    expect(await db.organization.count({ where: { id: "vendor_scoped" } })).toBe(0);
    expect(await db.user.count({ where: { id: "u_scoped" } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: "u_mia" } })).active).toBe(true);
    expect(await db.signInToken.count({ where: { userId: "u_alice" } })).toBe(0);
  });

  it("a directory key cannot send events or create sign-in links", async () => {
    const { key } = await createApiKey({ name: "directory only", scopes: ["directory"] });
    expect((await putOrg(key, "vendor_dir", { name: "Dir", kind: "vendor", parentId: "platform" })).status).toBe(201);
    expect(
      (await callRoute(postEvent, "/api/v1/events", { body: event("evt_dir"), headers: bearer(key) })).status,
    ).toBe(403);
    expect((await link(key, "u_alice")).status).toBe(403);
    expect(await db.event.count({ where: { externalId: "evt_dir" } })).toBe(0);
  });

  it("the console requires at least one known scope and stores the ones chosen", async () => {
    const cookie = await sessionCookie("u_platform_admin");
    for (const body of [{ name: "none" }, { name: "empty", scopes: [] }, { name: "bogus", scopes: ["admin"] }]) {
      const res = await callRoute(createKey, "/api/admin/api-keys", { body, headers: { cookie } });
      expect(res.status).toBe(422);
      expect(res.json.error.details[0].path).toMatch(/^scopes/);
    }
    const res = await callRoute(createKey, "/api/admin/api-keys", {
      body: { name: "links", scopes: ["sign-in-links", "sign-in-links"] },
      headers: { cookie },
    });
    expect(res.status).toBe(201);
    expect(res.json.scopes).toEqual(["sign-in-links"]);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: res.json.id } })).scopes).toEqual(["sign-in-links"]);
  });
});

describe("no API key reaches the platform's operators", () => {
  let key: string;
  beforeAll(async () => {
    key = (await createApiKey({ name: "full", scopes: ["events", "directory", "sign-in-links", "recipient-rules"] }))
      .key;
  });

  it("refuses to create or change a platform organization", async () => {
    const created = await putOrg(key, "platform_2", { name: "Evil Platform", kind: "platform" });
    expect(created.status).toBe(422);
    expect(created.json.error.details[0].path).toBe("kind");
    const takeover = await putOrg(key, "platform", { name: "Renamed", kind: "vendor" });
    expect(takeover.status).toBe(403);
    expect(takeover.json.error.code).toBe("forbidden");
    expect(await db.organization.count({ where: { id: "platform_2" } })).toBe(0);
    expect(await db.organization.findUniqueOrThrow({ where: { id: "platform" } })).toMatchObject({
      name: "Marketplace Platform",
      kind: "platform",
    });
  });

  it("refuses to place a user in the platform organization or to touch a platform admin", async () => {
    const admin = await putU(key, "u_evil", {
      email: "evil@attacker.example",
      name: "Evil",
      organizationId: "platform",
      role: "admin",
    });
    expect(admin.status).toBe(422);
    expect(admin.json.error.details[0].path).toBe("organizationId");
    expect(await db.user.count({ where: { id: "u_evil" } })).toBe(0);

    const hijack = await putU(key, "u_platform_admin", {
      email: "evil@attacker.example",
      name: "Evil",
      organizationId: "cust_adatum",
      role: "admin",
    });
    expect(hijack.status).toBe(403);
    const deactivate = await callRoute(deleteUser, "/api/v1/users/u_platform_admin", {
      method: "DELETE",
      headers: bearer(key),
      params: { id: "u_platform_admin" },
    });
    expect(deactivate.status).toBe(403);
    expect(await db.user.findUniqueOrThrow({ where: { id: "u_platform_admin" } })).toMatchObject({
      email: "admin@platform.example",
      organizationId: "platform",
      active: true,
    });
  });

  it("refuses sign-in links for a platform admin, and audits every link asked for", async () => {
    const refused = await link(key, "u_platform_admin");
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("forbidden");
    expect(await db.signInToken.count({ where: { userId: "u_platform_admin" } })).toBe(0);

    const granted = await link(key, "u_alice");
    expect(granted.status).toBe(201);
    const keyRow = await db.apiKey.findFirstOrThrow({ where: { name: "full" } });
    const audit = await db.auditLog.findMany({
      where: { action: { startsWith: "user.sign_in_link" } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((entry) => [entry.action, entry.target, entry.details])).toEqual([
      [
        "user.sign_in_link_refused",
        "u_platform_admin",
        { apiKeyId: keyRow.id, apiKeyName: "full", reason: "platform organization" },
      ],
      ["user.sign_in_link_created", "u_alice", { apiKeyId: keyRow.id, apiKeyName: "full" }],
    ]);
  });
});
