import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolvePreferences } from "@/lib/preferences/resolve";
import { invalidate } from "@/lib/cache/invalidation";
import { changeOrganizationSettings } from "@/lib/preferences/org-settings";
import { resetDatabase } from "../support/integration";

// A client that counts the queries resolvePreferences makes.
function countingClient() {
  let queries = 0;
  const count = <T extends object>(delegate: T): T =>
    new Proxy(delegate, {
      get: (target, key) => {
        const value = Reflect.get(target, key);
        return typeof value === "function" ? (...args: unknown[]) => (queries++, value.apply(target, args)) : value;
      },
    });
  const client = {
    $queryRaw: (...args: Parameters<typeof db.$queryRaw>) => (queries++, db.$queryRaw(...args)),
    $queryRawUnsafe: (...args: Parameters<typeof db.$queryRawUnsafe>) => (queries++, db.$queryRawUnsafe(...args)),
    userPreference: count(db.userPreference),
    organizationPreference: count(db.organizationPreference),
    organization: count(db.organization),
  } as unknown as Parameters<typeof resolvePreferences>[1];
  return { client, queries: () => queries };
}

beforeAll(async () => {
  await resetDatabase();
  // Northwind turns quote.sent email off; Contoso locks it back on; Adatum's member opts out of in-app.
  await db.organizationPreference.createMany({
    data: [
      { organizationId: "dist_northwind", type: "quote.sent", channel: "email", enabled: false },
      {
        organizationId: "res_contoso",
        type: "quote.sent",
        channel: "email",
        enabled: true,
        locked: true,
        lockedById: "res_contoso",
      },
    ],
  });
  await db.userPreference.createMany({
    data: [
      { userId: "u_mia", type: "quote.sent", channel: "in_app", enabled: false },
      { userId: "u_mia", type: "quote.sent", channel: "email", enabled: false },
      { userId: "u_tom", type: "quote.sent", channel: "email", enabled: true },
    ],
  });
  invalidate("organization-preferences");
});

describe("resolvePreferences", () => {
  it("applies each recipient's chain, locks and overrides", async () => {
    const users = [
      { id: "u_mia", organizationId: "cust_adatum" },
      { id: "u_liam", organizationId: "cust_litware" },
      { id: "u_tom", organizationId: "cust_tailspin" },
      { id: "u_wendy", organizationId: "cust_woodgrove" },
      { id: "u_victor", organizationId: "vendor_1" },
    ];
    const result = await resolvePreferences({ type: "quote.sent", users });
    expect(result.get("u_mia")).toEqual({
      in_app: { enabled: false, locked: false, source: "user" },
      // Contoso's lock beats both Northwind's default and Mia's own choice.
      email: {
        enabled: true,
        locked: true,
        source: "organization",
        sourceOrganizationId: "res_contoso",
        sourceName: "Contoso Reseller",
      },
    });
    expect(result.get("u_liam")?.email).toMatchObject({ enabled: true, locked: true, sourceName: "Contoso Reseller" });
    expect(result.get("u_tom")?.email).toEqual({ enabled: true, locked: false, source: "user" });
    expect(result.get("u_wendy")?.email).toEqual({
      enabled: false,
      locked: false,
      source: "organization",
      sourceOrganizationId: "dist_northwind",
      sourceName: "Northwind Distribution",
    });
    expect(result.get("u_victor")?.email).toEqual({ enabled: true, locked: false, source: "default" });
  });

  it("keeps critical in-app on", async () => {
    const result = await resolvePreferences({
      type: "subscription.renewal_failed",
      users: [{ id: "u_mia", organizationId: "cust_adatum" }],
    });
    expect(result.get("u_mia")?.in_app).toEqual({ enabled: true, locked: true, source: "critical" });
  });

  it("costs the same number of queries for 1 or 300 recipients, inside a transaction too", async () => {
    invalidate("directory");
    invalidate("organization-preferences");
    // Cold caches: organization chains, their settings, the users' overrides.
    const one = countingClient();
    await resolvePreferences(
      { type: "quote.sent", users: [{ id: "u_mia", organizationId: "cust_adatum" }] },
      one.client,
    );
    expect(one.queries()).toBe(3);
    const orgs = ["cust_adatum", "cust_litware", "cust_tailspin", "cust_woodgrove", "vendor_1", "res_contoso"];
    const users = Array.from({ length: 300 }, (_, i) => ({ id: `u_${i}`, organizationId: orgs[i % orgs.length]! }));
    const many = countingClient();
    expect((await resolvePreferences({ type: "quote.sent", users }, many.client)).size).toBe(300);
    expect(many.queries()).toBe(3);
    // Warm caches: only the overrides; none when the caller already has them (ingest).
    const warm = countingClient();
    await resolvePreferences({ type: "quote.sent", users }, warm.client);
    expect(warm.queries()).toBe(1);
    const preloaded = countingClient();
    await resolvePreferences({ type: "quote.sent", users, overrides: [] }, preloaded.client);
    expect(preloaded.queries()).toBe(0);

    const inTx = await db.$transaction((tx) =>
      resolvePreferences({ type: "quote.sent", users: [{ id: "u_mia", organizationId: "cust_adatum" }] }, tx),
    );
    expect(inTx.get("u_mia")?.in_app.enabled).toBe(false);
  });

  it("sees an organization setting as soon as it is changed through the settings API", async () => {
    const before = await resolvePreferences({
      type: "quote.sent",
      users: [{ id: "u_wendy", organizationId: "cust_woodgrove" }],
    });
    expect(before.get("u_wendy")?.email.enabled).toBe(false);
    await changeOrganizationSettings({
      organizationId: "cust_woodgrove",
      actorId: "u_wendy",
      actorOrganizationId: "cust_woodgrove",
      types: ["quote.sent"],
      channel: "email",
      enabled: true,
      strict: true,
    });
    const after = await resolvePreferences({
      type: "quote.sent",
      users: [{ id: "u_wendy", organizationId: "cust_woodgrove" }],
    });
    expect(after.get("u_wendy")?.email).toMatchObject({
      enabled: true,
      source: "organization",
      sourceName: "Woodgrove Bank",
    });
  });

  it("returns an empty map for no recipients without querying", async () => {
    const counter = countingClient();
    expect((await resolvePreferences({ type: "quote.sent", users: [] }, counter.client)).size).toBe(0);
    expect(counter.queries()).toBe(0);
  });
});
