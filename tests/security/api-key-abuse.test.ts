// Platform API abuse: failed key checks are throttled per client address (shared counters), and
// outside addresses (recipients.emails) are capped per event and per batch, with a 422 naming the
// JSON path, so that one batch cannot queue tens of thousands of emails to arbitrary addresses.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postEvent } from "@/app/api/v1/events/route";
import { POST as postBatch } from "@/app/api/v1/events/batch/route";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";
import { db } from "@/lib/db";
import { callRoute, resetDatabase } from "../support/integration";
import { bearer, newApiKey } from "../support/platform-api";

let key: string;
beforeAll(async () => {
  await resetDatabase();
  key = await newApiKey("abuse");
});

const event = (id: string, emails: string[] = []) => ({
  id,
  type: "subscription.renewal_failed",
  occurredAt: "2026-11-26T10:00:00Z",
  organizationId: "cust_adatum",
  recipients: { emails },
  data: { subscriptionId: "sub_1", subscriptionName: "Microsoft 365 E3", errorMessage: "Card declined" },
});
const outside = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `person${i}.${tag}@outside.example`);
const from = (address: string, authorization: Record<string, string>) => ({
  ...authorization,
  [CLIENT_ADDRESS_HEADER]: address,
});

describe("failed API key checks", () => {
  it("are throttled per client address: 429 with Retry-After after 60 in a minute, other addresses unaffected", async () => {
    const wrong = bearer("nck_wrong_key_0123456789abcdef");
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await callRoute(postEvent, "/api/v1/events", {
        body: event(`e${i}`),
        headers: from("203.0.113.5", wrong),
      });
      statuses.push(res.status);
    }
    expect(new Set(statuses)).toEqual(new Set([401]));
    const limited = await callRoute(postEvent, "/api/v1/events", {
      body: event("e61"),
      headers: from("203.0.113.5", wrong),
    });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // Another address is judged on its own.
    const other = await callRoute(postEvent, "/api/v1/events", {
      body: event("e62"),
      headers: from("203.0.113.6", wrong),
    });
    expect(other.status).toBe(401);
    const fine = await callRoute(postEvent, "/api/v1/events", {
      body: event("ok-1"),
      headers: from("203.0.113.6", bearer(key)),
    });
    expect(fine.status).toBe(202);
  });
});

describe("outside recipients", () => {
  it("one event may name at most 20 outside addresses (422 at recipients.emails), and nothing is queued", async () => {
    const res = await callRoute(postEvent, "/api/v1/events", {
      body: event("evt_wide", outside(21, "one")),
      headers: bearer(key),
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([
      { path: "recipients.emails", message: expect.stringContaining("at most 20") },
    ]);
    expect(await db.event.count({ where: { externalId: "evt_wide" } })).toBe(0);

    const ok = await callRoute(postEvent, "/api/v1/events", {
      body: event("evt_20", outside(20, "ok")),
      headers: bearer(key),
    });
    expect(ok.status).toBe(202);
  });

  it("a batch may name at most 500 in all: the event that passes the cap is named, nothing is stored", async () => {
    const events = Array.from({ length: 26 }, (_, i) => event(`evt_batch_${i}`, outside(20, `b${i}`)));
    const res = await callRoute(postBatch, "/api/v1/events/batch", { body: { events }, headers: bearer(key) });
    expect(res.status).toBe(422);
    expect(res.json.error.details[0].path).toBe("events[25].recipients.emails");
    expect(res.json.error.message).toContain("at most 500");
    expect(await db.event.count({ where: { externalId: { startsWith: "evt_batch_" } } })).toBe(0);
    expect(await db.emailDelivery.count({ where: { toAddress: { endsWith: "@outside.example" } } })).toBe(20);

    const fits = await callRoute(postBatch, "/api/v1/events/batch", {
      body: { events: events.slice(0, 25) },
      headers: bearer(key),
    });
    expect(fits.status).toBe(207);
    expect(fits.json.results.every((r: { status: string }) => r.status === "accepted")).toBe(true);
  });
});
