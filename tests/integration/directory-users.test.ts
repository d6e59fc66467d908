import { beforeAll, describe, expect, it } from "vitest";
import { DELETE, PUT } from "@/app/api/v1/users/[id]/route";
import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/session";
import { onDirectoryChanged, type DirectoryChange } from "@/lib/directory/events";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";
import { bearer, newApiKey, oversizedBody } from "../support/platform-api";

let key: string;

beforeAll(async () => {
  await resetDatabase();
  key = await newApiKey();
});

const put = (id: string, body: unknown) =>
  callRoute(PUT, `/api/v1/users/${id}`, { method: "PUT", body, headers: bearer(key), params: { id } });
const remove = (id: string, headers: Record<string, string> = bearer(key)) =>
  callRoute(DELETE, `/api/v1/users/${id}`, { method: "DELETE", headers, params: { id } });

let seq = 0;
const newId = () => `u_sync_${Date.now().toString(36)}_${++seq}`;
const userBody = (id: string, extra: Record<string, unknown> = {}) => ({
  email: `${id}@adatum.example`,
  name: "Synced User",
  organizationId: "cust_adatum",
  role: "member",
  ...extra,
});

function expectInvalid(res: { status: number; json: any }, path: string) {
  expect(res.status, JSON.stringify(res.json)).toBe(422);
  expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
}

describe("PUT /api/v1/users/{id}", () => {
  it("creates (201) then updates (200), normalises the email and never returns a password hash", async () => {
    const id = newId();
    const created = await put(
      id,
      userBody(id, { email: `  ${id.toUpperCase()}@Adatum.EXAMPLE `, locale: "en-gb", timezone: "europe/paris" }),
    );
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({
      id,
      email: `${id}@adatum.example`,
      name: "Synced User",
      organizationId: "cust_adatum",
      role: "member",
      locale: "en-GB",
      timezone: "Europe/Paris",
      active: true,
    });
    expect(JSON.stringify(created.json)).not.toMatch(/password/i);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).passwordHash).toBeNull();

    const updated = await put(id, userBody(id, { role: "admin", name: "Promoted" }));
    expect(updated.status).toBe(200);
    // Replace semantics: the omitted locale and timezone return to their defaults.
    expect(updated.json).toMatchObject({ role: "admin", name: "Promoted", locale: "en", timezone: "UTC" });
    const again = await put(id, userBody(id, { role: "admin", name: "Promoted" }));
    expect(again.status).toBe(200);
    expect(await db.user.count({ where: { id } })).toBe(1);
  });

  it("keeps an existing password when the platform updates the user", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { id: "u_mia" } });
    const res = await put("u_mia", {
      email: "mia@adatum.example",
      name: "Mia A.",
      organizationId: "cust_adatum",
      role: "member",
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).not.toContain(before.passwordHash!);
    expect((await db.user.findUniqueOrThrow({ where: { id: "u_mia" } })).passwordHash).toBe(before.passwordHash);
  });

  it("names an unknown organizationId", async () => {
    const res = await put(newId(), userBody("x", { organizationId: "cust_missing" }));
    expectInvalid(res, "organizationId");
    expect(res.json.error.message).toMatch(/cust_missing/);
  });

  it("answers 409 when another user has the email (in any letter case)", async () => {
    const id = newId();
    const res = await put(id, userBody(id, { email: "Alice@Adatum.example" }));
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "conflict", details: [{ path: "email" }] });
    expect(await db.user.count({ where: { id } })).toBe(0);
    // The user who owns the address may of course keep it.
    expect(
      (
        await put("u_alice", {
          email: "alice@adatum.example",
          name: "Alice Adatum",
          organizationId: "cust_adatum",
          role: "admin",
        })
      ).status,
    ).toBe(200);
  });

  it("validates every field by JSON path", async () => {
    const id = newId();
    expectInvalid(await put(id, userBody(id, { email: "not-an-email" })), "email");
    expectInvalid(await put(id, userBody(id, { name: "   " })), "name");
    expectInvalid(await put(id, userBody(id, { role: "owner" })), "role");
    expectInvalid(await put(id, userBody(id, { timezone: "Mars/Olympus_Mons" })), "timezone");
    expectInvalid(await put(id, userBody(id, { locale: "en_US" })), "locale");
    expectInvalid(await put(id, userBody(id, { organizationId: "bad id" })), "organizationId");
    expectInvalid(await put(id, userBody(id, { password: "secret" })), "$");
    expectInvalid(await put("bad id", userBody(id)), "id");
    const missing = await put(id, {});
    expect(missing.json.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["email", "name", "organizationId", "role"]),
    );
    expect(await db.user.count({ where: { id } })).toBe(0);
  });

  it("answers 415, 413 and 400 for bodies it cannot read", async () => {
    const id = newId();
    const call = (rawBody: string, contentType: string) =>
      callRoute(PUT, `/api/v1/users/${id}`, {
        method: "PUT",
        rawBody,
        headers: { ...bearer(key), "content-type": contentType },
        params: { id },
      });
    expect((await call(JSON.stringify(userBody(id)), "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await call(oversizedBody(), "application/json")).status).toBe(413);
    expect((await call("{not json}", "application/json")).status).toBe(400);
  });

  it("survives 10 concurrent upserts of one new id: one 201, nine 200, one row", async () => {
    const id = newId();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => put(id, userBody(id, { name: `Racer ${i}` }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await db.user.count({ where: { id } })).toBe(1);
  });

  it("lets exactly one of two concurrent new users claim an email", async () => {
    const email = `${newId()}@adatum.example`;
    const [a, b] = await Promise.all([put(newId(), userBody("a", { email })), put(newId(), userBody("b", { email }))]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
  });
});

describe("DELETE /api/v1/users/{id}", () => {
  it("deactivates, keeps notifications, is idempotent, and a PUT reactivates", async () => {
    const id = newId();
    await put(id, userBody(id));
    const event = await db.event.create({
      data: {
        externalId: `evt_${id}`,
        type: "order.created",
        organizationId: "cust_adatum",
        occurredAt: new Date(),
        data: {},
      },
    });
    await db.notification.create({
      data: {
        userId: id,
        eventId: event.id,
        type: "order.created",
        category: "orders",
        title: "Kept",
        body: "",
        reason: "test",
      },
    });
    const changes: DirectoryChange[] = [];
    const unsubscribe = onDirectoryChanged((change) => changes.push(change));

    const first = await remove(id);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ id, active: false });
    expect((await remove(id)).json).toEqual({ id, active: false });
    unsubscribe();
    expect(changes).toContainEqual({ kind: "user", id });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).active).toBe(false);
    expect(await db.notification.count({ where: { userId: id } })).toBe(1);

    const back = await put(id, userBody(id));
    expect(back.status).toBe(200);
    expect(back.json.active).toBe(true);
  });

  it("ends the access of a signed-in user at once", async () => {
    const id = newId();
    await put(id, userBody(id));
    const cookie = await sessionCookie(id);
    const request = () => new Request("http://localhost:3999/api/notifications", { headers: { cookie } });
    expect(await getCurrentUser(request())).not.toBeNull();
    await remove(id);
    expect(await getCurrentUser(request())).toBeNull();
  });

  it("answers 404 for an unknown user and 401 without a key", async () => {
    const res = await remove("u_nobody");
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("not_found");
    expect((await remove("u_mia", {})).status).toBe(401);
    expect((await db.user.findUniqueOrThrow({ where: { id: "u_mia" } })).active).toBe(true);
  });
});
