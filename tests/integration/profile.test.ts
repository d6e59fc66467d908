import { beforeEach, describe, expect, it } from "vitest";
import { GET, PATCH } from "@/app/api/profile/route";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";

let alice: string;
const patch = (body: unknown, cookie?: string, rawBody?: string) =>
  callRoute(PATCH, "/api/profile", {
    method: "PATCH",
    body,
    rawBody,
    headers: { ...(cookie ? { cookie } : {}), ...(rawBody ? { "content-type": "application/json" } : {}) },
  });

beforeEach(async () => {
  await resetDatabase();
  alice = await sessionCookie("u_alice");
});

describe("the user's time zone and language", () => {
  it("reads and changes them, canonicalized, and the signed-in user sees the change at once", async () => {
    expect((await callRoute(GET, "/api/profile", { headers: { cookie: alice } })).status).toBe(200);
    const res = await patch({ timezone: "America/Sao_Paulo", locale: "pt-br" }, alice);
    expect(res).toMatchObject({ status: 200, json: { timezone: "America/Sao_Paulo", locale: "pt-BR" } });
    const request = new Request("http://localhost/", { headers: { cookie: alice } });
    expect(await getCurrentUser(request)).toMatchObject({ timezone: "America/Sao_Paulo", locale: "pt-BR" });
    expect((await patch({ locale: "de" }, alice)).json).toEqual({ timezone: "America/Sao_Paulo", locale: "de" });
  });

  it("refuses what Intl does not know, unknown fields and an empty change", async () => {
    for (const body of [
      { timezone: "Mars/Olympus_Mons" },
      { locale: "not a locale" },
      { timezone: 1 },
      {},
      { name: "x" },
    ]) {
      const res = await patch(body, alice);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.error.code).toBe("validation_failed");
    }
    expect((await patch(undefined, alice, "{")).status).toBe(400);
    expect((await patch({ timezone: "UTC" }, undefined)).status).toBe(401);
    expect((await db.user.findUniqueOrThrow({ where: { id: "u_alice" } })).timezone).not.toBe("Mars/Olympus_Mons");
  });
});
