import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenForInvalidations } from "@/lib/cache/invalidation";
import { getOrgChains } from "@/lib/directory/org-cache";
import { db } from "@/lib/db";
import { announceFromAnotherInstance, resetDatabase } from "../support/integration";

let listener: ReturnType<typeof listenForInvalidations>;

beforeAll(async () => {
  await resetDatabase();
  listener = listenForInvalidations(process.env.DATABASE_URL!);
  await listener.started;
});
afterAll(() => listener.stop());

describe("cache invalidation across instances", () => {
  it("a notice sent by another instance drops this instance's organization chains", async () => {
    const before = await getOrgChains(["cust_adatum"]);
    expect(before.get("cust_adatum")?.[0]?.primaryContactId).toBe("u_alice");
    // Another instance changes the directory and announces it; this process did not see the write.
    await db.organization.update({ where: { id: "cust_adatum" }, data: { primaryContactId: "u_mia" } });
    await announceFromAnotherInstance("directory");
    const after = await getOrgChains(["cust_adatum"]);
    expect(after.get("cust_adatum")?.[0]?.primaryContactId).toBe("u_mia");
  });
});

describe("organization chain cache", () => {
  it("concurrent misses for one organization store its chain once", async () => {
    const { invalidate } = await import("@/lib/cache/invalidation");
    invalidate("directory");
    await Promise.all(Array.from({ length: 20 }, () => getOrgChains(["cust_litware"])));
    const chain = (await getOrgChains(["cust_litware"])).get("cust_litware")!;
    expect(chain.map((org) => org.id)).toEqual(["cust_litware", "res_contoso", "dist_northwind", "platform"]);
  });
});
