// Item 11/15: the per-key Platform API rate limit (API_RATE_LIMIT_PER_MINUTE) holds across
// instances. Its count lives in Postgres (lib/rate-limit.ts on lib/throttle.ts), so a second
// instance, here another process, shares the key's budget instead of granting a budget of its own.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT } from "@/app/api/v1/organizations/[id]/route";
import { createSharedRateLimiter } from "@/lib/rate-limit";
import { callRoute, resetDatabase } from "../support/integration";
import { bearer, newApiKey } from "../support/platform-api";

// Read by each process's limiter when it first counts a request (this file's modules are its own).
const LIMIT = 10;
const previous = process.env.API_RATE_LIMIT_PER_MINUTE;
process.env.API_RATE_LIMIT_PER_MINUTE = String(LIMIT);

let other: ChildProcess;
let otherUrl: string;

beforeAll(async () => {
  await resetDatabase();
  other = spawn(process.execPath, ["--import", "tsx", "tests/support/api-instance-process.ts"], {
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  otherUrl = await new Promise<string>((resolve, reject) => {
    createInterface({ input: other.stdout! }).once("line", resolve);
    other.once("exit", (code) => reject(new Error(`the other instance exited (${code})`)));
  });
}, 60_000);
afterAll(() => {
  other?.kill();
  if (previous === undefined) delete process.env.API_RATE_LIMIT_PER_MINUTE;
  else process.env.API_RATE_LIMIT_PER_MINUTE = previous;
});

const body = { name: "Shared limit", kind: "vendor", parentId: "platform" };

/** One organization upsert on this instance (the route handler in this process). */
const here = async (key: string) =>
  (
    await callRoute(PUT, "/api/v1/organizations/vendor_shared", {
      method: "PUT",
      body,
      headers: bearer(key),
      params: { id: "vendor_shared" },
    })
  ).status;

/** The same request to the other instance (another process). */
async function there(key: string) {
  const response = await fetch(`${otherUrl}/api/v1/organizations/vendor_shared`, {
    method: "PUT",
    headers: { ...bearer(key), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after") };
}

describe("the per-key rate limit across instances", () => {
  it("two instances share one key's budget: the limit in all, then 429 with Retry-After on both", async () => {
    const key = await newApiKey("two instances");
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT / 2; i++) {
      statuses.push(await here(key));
      statuses.push((await there(key)).status);
    }
    expect(statuses.every((status) => status === 200 || status === 201)).toBe(true);

    expect(await here(key)).toBe(429);
    const refused = await there(key);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);

    // Another key has its own budget, on either instance.
    const quiet = await newApiKey("quiet");
    expect(await here(quiet)).toBe(200);
    expect((await there(quiet)).status).toBe(200);
  });

  it("concurrent requests on both instances let exactly the limit through", async () => {
    const key = await newApiKey("concurrent");
    const statuses = await Promise.all(
      Array.from({ length: 3 * LIMIT }, (_, i) => (i % 2 ? here(key) : there(key).then((r) => r.status))),
    );
    expect(statuses.filter((status) => status === 429)).toHaveLength(2 * LIMIT);
    expect(statuses.filter((status) => status !== 429)).toHaveLength(LIMIT);
  });
});

describe("shares taken in chunks (limits above 100)", () => {
  it("two instances' limiters never let more than the limit through, and lose at most a chunk each", async () => {
    // Two limiters are two instances' memories; the count they share is the Postgres row.
    const options = { name: `chunked-${Date.now()}`, limit: 1000, windowMs: 60_000 };
    const [a, b] = [createSharedRateLimiter(options), createSharedRateLimiter(options)];
    const results = await Promise.all(Array.from({ length: 1300 }, (_, i) => (i % 2 ? a : b).hit("key")));
    const passed = results.filter((result) => result.ok).length;
    expect(passed).toBeLessThanOrEqual(1000);
    expect(passed).toBeGreaterThanOrEqual(1000 - 10); // the other limiter's unspent chunk (1 % of the limit)
    const refused = results.find((result) => !result.ok)!;
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});
