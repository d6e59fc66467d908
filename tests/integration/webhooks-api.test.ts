// The webhooks API (routing.md, "Webhooks"): rights, validation, the SSRF refusals at
// registration, secrets shown once and encrypted at rest, rotation, pause/delete, deliveries.
// No worker runs here and endpoints use address literals, so nothing is ever sent.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto";
import { MAX_ENDPOINTS_PER_ORGANIZATION } from "@/lib/webhooks/endpoints";
import { callRoute, resetDatabase } from "../support/integration";
import { webhooksApi as api } from "../support/webhooks";
import * as collection from "@/app/api/organizations/[id]/webhooks/route";

// A public address literal: registration asks no DNS, and no worker runs in this file.
const URL_A = "https://93.184.216.34/hooks/a";
const valid = { url: URL_A, types: ["quote.sent"], description: "PSA" };

beforeEach(() => resetDatabase());

describe("registering an endpoint", () => {
  it("returns the secret once (201), lists without it, and stores it encrypted", async () => {
    const created = await api.create("u_ryan", "res_contoso", valid);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      url: URL_A,
      types: ["quote.sent"],
      description: "PSA",
      enabled: true,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
    });
    expect(created.json.id).toEqual(expect.any(String));
    expect(Date.parse(created.json.createdAt)).not.toBeNaN();
    expect(created.headers.get("cache-control")).toBe("no-store");

    const list = await api.list("u_ryan", "res_contoso");
    expect(list.status).toBe(200);
    expect(list.json.items).toHaveLength(1);
    expect(list.json.items[0]).not.toHaveProperty("secret");
    expect(JSON.stringify(list.json)).not.toContain(created.json.secret);
    const one = await api.get("u_ryan", "res_contoso", created.json.id);
    expect(one.json).not.toHaveProperty("secret");

    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.json.id } });
    expect(row.secret).not.toContain(created.json.secret.slice(6));
    expect(decryptSecret(row.secret)).toBe(created.json.secret);
  });

  it('accepts every type as ["*"] and starts paused when asked', async () => {
    const created = await api.create("u_ryan", "res_contoso", { url: URL_A, types: ["*"], enabled: false });
    expect(created.json).toMatchObject({ types: ["*"], enabled: false, description: "" });
  });

  it.each(
    (
      [
        [{ ...valid, url: "not a url" }, "url", "not a valid URL"],
        [{ ...valid, url: "ftp://93.184.216.34/" }, "url", "https://"],
        [{ ...valid, url: "https://127.0.0.1/hook" }, "url", "private, loopback or link-local address (127.0.0.1)"],
        [{ ...valid, url: "https://[::1]/hook" }, "url", "(::1)"],
        [{ ...valid, url: "https://10.0.0.1/hook" }, "url", "(10.0.0.1)"],
        [{ ...valid, url: "https://169.254.169.254/latest/meta-data" }, "url", "(169.254.169.254)"],
        [{ ...valid, url: "https://localhost:3321/hook" }, "url", "resolves to a private, loopback or link-local"],
        [{ ...valid, url: "https://user:pw@93.184.216.34/" }, "url", "password"],
        [{ ...valid, url: `https://93.184.216.34/${"a".repeat(2100)}` }, "url", "2048"],
        [{ ...valid, types: [] }, "types", "at least one type"],
        [{ ...valid, types: ["quote.nope"] }, "types[0]", ""],
        [{ ...valid, types: ["*", "quote.sent"] }, "types", "stands alone"],
        [{ ...valid, description: "a\u0000b" }, "description", "control characters"],
        [{ ...valid, secret: "whsec_mine" }, "$", ""],
        [{ types: ["*"] }, "url", ""],
      ] as const
    ).map(([body, path, message]) => [JSON.stringify(body).slice(0, 90), body, path, message] as const),
  )("refuses %s with 422", async (_label, body, path, message) => {
    const res = await api.create("u_ryan", "res_contoso", body);
    expect(res.status, JSON.stringify(res.json)).toBe(422);
    expect(res.json.error.code).toBe("validation_failed");
    const detail = res.json.error.details.find((d: any) => d.path === path);
    expect(detail, JSON.stringify(res.json.error.details)).toBeDefined();
    expect(detail.message).toContain(message);
    expect(await db.webhookEndpoint.count()).toBe(0);
  });

  it("answers malformed JSON with 400, a wrong content type with 415, and loses nothing", async () => {
    const { sessionCookie } = await import("../support/integration");
    const cookie = await sessionCookie("u_ryan");
    const malformed = await callRoute(collection.POST, "/api/organizations/res_contoso/webhooks", {
      params: { id: "res_contoso" },
      rawBody: "{nope",
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe("malformed_json");
    const wrongType = await callRoute(collection.POST, "/api/organizations/res_contoso/webhooks", {
      params: { id: "res_contoso" },
      rawBody: JSON.stringify(valid),
      method: "POST",
      headers: { cookie, "content-type": "text/plain" },
    });
    expect(wrongType.status).toBe(415);
  });

  it(`keeps at most ${MAX_ENDPOINTS_PER_ORGANIZATION} endpoints per organization, also under concurrent requests`, async () => {
    const results = await Promise.all(
      Array.from({ length: MAX_ENDPOINTS_PER_ORGANIZATION + 3 }, () => api.create("u_ryan", "res_contoso", valid)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(MAX_ENDPOINTS_PER_ORGANIZATION);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused.map((r) => r.status)).toEqual([409, 409, 409]);
    expect(await db.webhookEndpoint.count()).toBe(MAX_ENDPOINTS_PER_ORGANIZATION);
  });
});

describe("who may manage an organization's webhooks", () => {
  it("admins of the organization or an ancestor may; a customer admin for their own organization", async () => {
    for (const [user, org] of [
      ["u_ryan", "res_contoso"],
      ["u_dana", "res_contoso"],
      ["u_platform_admin", "res_contoso"],
      ["u_alice", "cust_adatum"],
      ["u_ryan", "cust_adatum"],
    ] as const) {
      const res = await api.create(user, org, valid);
      expect(res.status, `${user} on ${org}`).toBe(201);
      expect((await api.list(user, org)).status).toBe(200);
    }
  });

  it("403 for a non-admin and for an admin asking about an organization above their own", async () => {
    const amy = await api.create("u_amy", "res_contoso", valid);
    expect(amy.status).toBe(403);
    expect(amy.json.error.code).toBe("forbidden");
    expect((await api.list("u_mia", "cust_adatum")).status).toBe(403);
    expect((await api.create("u_alice", "res_contoso", valid)).status).toBe(403);
    expect(await db.webhookEndpoint.count()).toBe(0);
  });

  it("404 for organizations the caller may not see, and for an endpoint of another organization", async () => {
    const fabrikam = await api.create("u_fiona", "res_fabrikam", valid);
    expect((await api.list("u_ryan", "res_fabrikam")).status).toBe(404);
    expect((await api.create("u_ryan", "res_fabrikam", valid)).status).toBe(404);
    expect((await api.list("u_alice", "cust_litware")).status).toBe(404);
    expect((await api.list("u_ryan", "no_such_org")).status).toBe(404);
    // Ryan manages res_contoso, but Fabrikam's endpoint is not there: asking through his organization finds nothing.
    for (const call of [
      api.get("u_ryan", "res_contoso", fabrikam.json.id),
      api.patch("u_ryan", "res_contoso", fabrikam.json.id, { enabled: false }),
      api.remove("u_ryan", "res_contoso", fabrikam.json.id),
      api.rotate("u_ryan", "res_contoso", fabrikam.json.id),
      api.test("u_ryan", "res_contoso", fabrikam.json.id),
      api.deliveries("u_ryan", "res_contoso", fabrikam.json.id),
    ]) {
      const res = await call;
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: fabrikam.json.id } })).enabled).toBe(true);
  });

  it("401 without a session", async () => {
    const res = await callRoute(collection.GET, "/api/organizations/res_contoso/webhooks", {
      params: { id: "res_contoso" },
    });
    expect(res.status).toBe(401);
  });
});

describe("changing an endpoint", () => {
  it("edits, pauses, resumes and deletes; each change is audited", async () => {
    const { json: created } = await api.create("u_ryan", "res_contoso", valid);
    const edited = await api.patch("u_ryan", "res_contoso", created.id, {
      types: ["quote.sent", "quote.accepted"],
      description: "Tickets",
    });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({
      types: ["quote.sent", "quote.accepted"],
      description: "Tickets",
      enabled: true,
    });
    expect((await api.patch("u_ryan", "res_contoso", created.id, { enabled: false })).json.enabled).toBe(false);
    expect((await api.patch("u_dana", "res_contoso", created.id, { enabled: true })).json.enabled).toBe(true);

    const unsafe = await api.patch("u_ryan", "res_contoso", created.id, { url: "https://169.254.169.254/" });
    expect(unsafe.status).toBe(422);
    expect((await api.patch("u_ryan", "res_contoso", created.id, {})).status).toBe(422);
    expect((await api.get("u_ryan", "res_contoso", created.id)).json.url).toBe(URL_A);

    const removed = await api.remove("u_ryan", "res_contoso", created.id);
    expect(removed.status).toBe(204);
    expect((await api.get("u_ryan", "res_contoso", created.id)).status).toBe(404);
    const actions = (await db.auditLog.findMany({ orderBy: { createdAt: "asc" } })).map((row) => row.action);
    expect(actions).toEqual([
      "webhook.created",
      "webhook.updated",
      "webhook.updated",
      "webhook.updated",
      "webhook.deleted",
    ]);
    expect(JSON.stringify(await db.auditLog.findMany())).not.toContain("whsec_");
  });

  it("re-enabling an endpoint the worker disabled clears the failure", async () => {
    const { json: created } = await api.create("u_ryan", "res_contoso", valid);
    await db.webhookEndpoint.update({
      where: { id: created.id },
      data: { enabled: false, disabledReason: "failing", failingSince: new Date(Date.now() - 4 * 86_400_000) },
    });
    expect((await api.get("u_ryan", "res_contoso", created.id)).json).toMatchObject({
      enabled: false,
      disabledReason: "failing",
    });
    const enabled = await api.patch("u_ryan", "res_contoso", created.id, { enabled: true });
    expect(enabled.json).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
  });

  it("rotating returns a new secret; the previous one keeps signing for 24 hours", async () => {
    const { json: created } = await api.create("u_ryan", "res_contoso", valid);
    const before = Date.now();
    const rotated = await api.rotate("u_ryan", "res_contoso", created.id);
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(created.secret);
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(decryptSecret(row.secret)).toBe(rotated.json.secret);
    expect(decryptSecret(row.previousSecret!)).toBe(created.secret);
    const ttl = row.previousSecretExpiresAt!.getTime() - before;
    expect(ttl).toBeGreaterThan(24 * 3600_000 - 5_000);
    expect(ttl).toBeLessThanOrEqual(24 * 3600_000 + 5_000);
  });
});

describe("deliveries", () => {
  it("are empty for a new endpoint; a retry of an unknown delivery is 404; a bad cursor is 400", async () => {
    const { json: created } = await api.create("u_ryan", "res_contoso", valid);
    expect((await api.deliveries("u_ryan", "res_contoso", created.id)).json).toEqual({ items: [], nextCursor: null });
    expect((await api.retry("u_ryan", "res_contoso", created.id, "msg_nope")).status).toBe(404);
    expect((await api.deliveries("u_ryan", "res_contoso", created.id, "garbage")).status).toBe(400);
  });
});
