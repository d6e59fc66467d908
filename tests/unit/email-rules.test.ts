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
  const samples = (f: () => number) => Array.from({ length: 200 }, f);
  it("doubles per attempt within ±20% and stops at the maximum", () => {
    for (const [attempt, base] of [
      [1, 1000],
      [2, 2000],
      [3, 4000],
      [10, 60_000],
    ] as const) {
      for (const delay of samples(() => backoffMs(attempt, timing))) {
        expect(delay).toBeGreaterThanOrEqual(base * 0.8);
        expect(delay).toBeLessThanOrEqual(base * 1.2);
      }
    }
  });
  it("waits at least as long as Retry-After asks (up to the maximum), spread over at least a second after it", () => {
    const afterThirty = samples(() => backoffMs(1, timing, 30_000));
    expect(Math.min(...afterThirty)).toBeGreaterThanOrEqual(30_000);
    expect(Math.max(...afterThirty)).toBeLessThanOrEqual(36_000);
    const afterOne = samples(() => backoffMs(1, { ...timing, backoffBaseMs: 100 }, 1_000));
    expect(Math.min(...afterOne)).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...afterOne)).toBeLessThanOrEqual(2_000);
    const capped = samples(() => backoffMs(1, timing, 10 * 60_000));
    expect(Math.min(...capped)).toBeGreaterThanOrEqual(60_000);
  });
  it("never retries a crowd in step: 100 jobs throttled together with Retry-After: 1 come back spread out", () => {
    const delays = samples(() => backoffMs(1, { ...timing, backoffBaseMs: 100 }, 1_000)).slice(0, 100);
    expect(new Set(delays).size).toBeGreaterThan(80);
    expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(500);
  });
});

describe("the email queue's schedule from the environment", () => {
  const base = { NODE_ENV: "test" } as NodeJS.ProcessEnv;
  it("defaults to 8 attempts, 15 s doubling to 1 h, a 20 s lease and a 10 s request timeout", () => {
    expect(checkEnv(base)).toEqual([]);
    expect(defaultTiming).toMatchObject({
      maxAttempts: 8,
      backoffBaseMs: 15_000,
      backoffMaxMs: 3_600_000,
      leaseMs: 20_000,
      sendTimeoutMs: 10_000,
    });
  });
  it("refuses a request timeout not shorter than the lease, and other nonsense", () => {
    expect(checkEnv({ ...base, EMAIL_LEASE_SECONDS: "10", EMAIL_SEND_TIMEOUT_SECONDS: "10" })).toEqual([
      expect.stringMatching(/^EMAIL_SEND_TIMEOUT_SECONDS: must be shorter than EMAIL_LEASE_SECONDS/),
    ]);
    expect(checkEnv({ ...base, EMAIL_MAX_ATTEMPTS: "0" })).toEqual([expect.stringMatching(/^EMAIL_MAX_ATTEMPTS:/)]);
    expect(checkEnv({ ...base, EMAIL_RETRY_BASE_SECONDS: "soon" })).toEqual([
      expect.stringMatching(/^EMAIL_RETRY_BASE_SECONDS:/),
    ]);
    expect(checkEnv({ ...base, EMAIL_RETRY_BASE_SECONDS: "60", EMAIL_RETRY_MAX_SECONDS: "30" })).toEqual([
      expect.stringMatching(/^EMAIL_RETRY_MAX_SECONDS:/),
    ]);
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
  const production = {
    NODE_ENV: "production",
    AUTH_SECRET: "x".repeat(40),
    APP_URL: "https://notifications.example.com",
  } as NodeJS.ProcessEnv;
  it("refuses production without RESEND_API_KEY unless email is disabled, in one line", () => {
    const problems = checkEnv(production);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^RESEND_API_KEY: is required in production .*EMAIL_DISABLED=true/);
    expect(checkEnv({ ...production, EMAIL_DISABLED: "true" })).toEqual([]);
    expect(checkEnv({ ...production, RESEND_API_KEY: "re_123" })).toEqual([]);
    expect(checkEnv({ NODE_ENV: "development" } as NodeJS.ProcessEnv)).toEqual([]);
  });
});
