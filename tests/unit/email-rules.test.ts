import { describe, expect, it } from "vitest";
import { checkEnv } from "@/lib/env";
import { classifyResendError, parseRetryAfter } from "@/lib/email/transport";
import { backoffMs, defaultTiming } from "@/lib/email/worker";
import { createUnsubscribeToken, verifyUnsubscribeToken } from "@/lib/email/unsubscribe-token";
import { plainAddressWhy, whyText } from "@/lib/email/why";

process.env.AUTH_SECRET ??= "unit-test-secret-0123456789abcdefghijkl";

describe("which Resend errors are retried", () => {
  it.each([
    [{ statusCode: 500, name: "internal_server_error" }, true],
    [{ statusCode: 503, name: "application_error" }, true],
    [{ statusCode: 429, name: "rate_limit_exceeded" }, true],
    [{ statusCode: null, name: "application_error", message: "Unable to fetch data." }, true],
    [{ statusCode: 409, name: "concurrent_idempotent_requests" }, true],
    [{ statusCode: 422, name: "validation_error" }, false],
    [{ statusCode: 400, name: "invalid_idempotency_key" }, false],
    [{ statusCode: 403, name: "invalid_from_address" }, false],
    [{ statusCode: 409, name: "invalid_idempotent_request" }, false],
  ])("%o → retry %s", (error, retryable) => {
    expect(classifyResendError(error, null).retryable).toBe(retryable);
  });

  it("reads Retry-After as seconds or as a date", () => {
    expect(parseRetryAfter("30")).toBe(30_000);
    expect(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(55_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(classifyResendError({ statusCode: 429 }, { "retry-after": "7" }).retryAfterMs).toBe(7_000);
  });
});

describe("backoff", () => {
  const timing = { ...defaultTiming, backoffBaseMs: 1000, backoffMaxMs: 60_000 };
  it("doubles per attempt within ±10% and stops at the maximum", () => {
    for (const [attempt, base] of [
      [1, 1000],
      [2, 2000],
      [3, 4000],
      [10, 60_000],
    ] as const) {
      const delay = backoffMs(attempt, timing);
      expect(delay).toBeGreaterThanOrEqual(base * 0.9);
      expect(delay).toBeLessThanOrEqual(base * 1.1);
    }
  });
  it("waits at least as long as Retry-After asks (up to the maximum)", () => {
    expect(backoffMs(1, timing, 30_000)).toBe(30_000);
    expect(backoffMs(1, timing, 10 * 60_000)).toBe(60_000);
  });
});

describe("unsubscribe tokens", () => {
  it("round-trip a user or an address with the type", () => {
    expect(verifyUnsubscribeToken(createUnsubscribeToken({ userId: "u_alice", type: "quote.sent" }))).toEqual({
      userId: "u_alice",
      type: "quote.sent",
    });
    expect(
      verifyUnsubscribeToken(createUnsubscribeToken({ address: "ops@x.example", type: "order.provisioning_details" })),
    ).toEqual({
      address: "ops@x.example",
      type: "order.provisioning_details",
    });
  });
  it("reject anything not signed by us", () => {
    const token = createUnsubscribeToken({ userId: "u_alice", type: "quote.sent" });
    const [payload, signature] = token.split(".") as [string, string];
    const swapped = Buffer.from(JSON.stringify({ u: "u_ben", t: "quote.sent" })).toString("base64url");
    const unknownType = Buffer.from(JSON.stringify({ u: "u_alice", t: "nope" })).toString("base64url");
    for (const bad of [
      `${swapped}.${signature}`,
      `${payload}.x${signature.slice(1)}`,
      `${unknownType}.${signature}`,
      `${token}.extra`,
      "",
      null,
      "a".repeat(3000),
    ]) {
      expect(verifyUnsubscribeToken(bad)).toBeNull();
    }
  });
});

describe("why you got this email", () => {
  const trail = [
    { userId: "u_ryan", via: ["reseller.primary"] },
    { userId: "u_alice", via: ["customer.primary"] },
  ];
  it("names the role the recipient was chosen for", () => {
    expect(whyText({ role: "cc", userId: "u_ryan", trail })).toBe("You are copied as the reseller's primary contact.");
    expect(whyText({ role: "to", userId: "u_alice", trail })).toBe(
      "You receive this as the customer's primary contact.",
    );
    expect(whyText({ role: "to", userId: null, trail })).toBe(plainAddressWhy);
    expect(whyText({ role: "to", userId: "u_x", trail: [], reason: "You are the primary contact of Adatum" })).toBe(
      "You are the primary contact of Adatum.",
    );
  });
});

describe("email configuration", () => {
  const production = { NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) } as NodeJS.ProcessEnv;
  it("refuses production without RESEND_API_KEY unless email is disabled, in one line", () => {
    const problems = checkEnv(production);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^RESEND_API_KEY: is required in production .*EMAIL_DISABLED=true/);
    expect(checkEnv({ ...production, EMAIL_DISABLED: "true" })).toEqual([]);
    expect(checkEnv({ ...production, RESEND_API_KEY: "re_123" })).toEqual([]);
    expect(checkEnv({ NODE_ENV: "development" } as NodeJS.ProcessEnv)).toEqual([]);
  });
});
