// The limiter reads API_RATE_LIMIT_PER_MINUTE when a process first uses it; Vitest gives each
// file its own modules, so this file sets a low limit before any request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT } from "@/app/api/v1/organizations/[id]/route";
import { POST as createLink } from "@/app/api/v1/users/[id]/sign-in-links/route";
import { callRoute, resetDatabase } from "../support/integration";
import { bearer, newApiKey } from "../support/platform-api";

const previous = process.env.API_RATE_LIMIT_PER_MINUTE;
process.env.API_RATE_LIMIT_PER_MINUTE = "3";
afterAll(() => {
  if (previous === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
  else process.env.API_RATE_LIMIT_PER_MINUTE = previous;
});

beforeAll(() => resetDatabase());

const put = (key: string) =>
  callRoute(PUT, "/api/v1/organizations/vendor_limited", {
    method: "PUT",
    body: { name: "Limited", kind: "vendor", parentId: "platform" },
    headers: bearer(key),
    params: { id: "vendor_limited" },
  });

describe("per-key rate limiting", () => {
  it("answers 429 with Retry-After once a key exceeds its limit, across routes, without touching other keys", async () => {
    const key = await newApiKey("busy");
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await put(key)).status);
    expect(statuses).toEqual([201, 200, 200]);

    const limited = await put(key);
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe("rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The limit is per key, not per route.
    const link = await callRoute(createLink, "/api/v1/users/u_alice/sign-in-links", {
      method: "POST",
      headers: bearer(key),
      params: { id: "u_alice" },
    });
    expect(link.status).toBe(429);

    const other = await newApiKey("quiet");
    expect((await put(other)).status).toBe(200);
  });

  it("checks the key before counting: unauthenticated requests get 401, not 429", async () => {
    for (let i = 0; i < 5; i++) expect((await put("nck_not_a_key_0123456789")).status).toBe(401);
  });
});
