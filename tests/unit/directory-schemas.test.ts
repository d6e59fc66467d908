import { describe, expect, it } from "vitest";
import { organizationUpsertSchema, platformIdSchema, userUpsertSchema } from "@/lib/directory/schemas";
import { allowedParentKinds } from "@/lib/directory/organizations";

describe("platform ids", () => {
  it("accept 1–200 characters of letters, digits and _ . : -", () => {
    for (const id of ["a", "cust_42", "urn:acme:cust.1", "A-B_c.d:e", "x".repeat(200)])
      expect(platformIdSchema.safeParse(id).success, id).toBe(true);
    for (const id of ["", "x".repeat(201), "a b", "a/b", "é", ".", "..", "a@b"])
      expect(platformIdSchema.safeParse(id).success, id).toBe(false);
  });
});

describe("user upsert schema", () => {
  const base = { email: "Ann@Example.COM ", name: "Ann", organizationId: "cust_1", role: "member" };
  it("normalises the email, locale and time zone", () => {
    const parsed = userUpsertSchema.parse({ ...base, locale: "pt-br", timezone: "asia/tokyo" });
    expect(parsed).toMatchObject({ email: "ann@example.com", locale: "pt-BR", timezone: "Asia/Tokyo" });
    expect(userUpsertSchema.parse({ ...base, timezone: "UTC" }).timezone).toBe("UTC");
  });
  it("refuses unknown time zones and locales by field", () => {
    const result = userUpsertSchema.safeParse({ ...base, timezone: "Nowhere/City", locale: "not a locale" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["timezone", "locale"]));
  });
});

describe("organization upsert schema", () => {
  it("lower-cases the colour and insists on https logos", () => {
    const parsed = organizationUpsertSchema.parse({
      name: "X",
      kind: "reseller",
      branding: { primaryColor: "#ABCDEF", logoUrl: "https://x.example/l.png" },
    });
    expect(parsed.branding?.primaryColor).toBe("#abcdef");
    expect(
      organizationUpsertSchema.safeParse({
        name: "X",
        kind: "reseller",
        branding: { logoUrl: "ftp://x.example/l.png" },
      }).success,
    ).toBe(false);
  });
});

describe("the organization tree rules", () => {
  it("always put a parent strictly above its child, so no valid tree has a cycle", () => {
    const rank = { platform: 0, distributor: 1, vendor: 1, reseller: 2, customer: 3 } as const;
    for (const [kind, parents] of Object.entries(allowedParentKinds)) {
      for (const parent of parents) expect(rank[parent]).toBeLessThan(rank[kind as keyof typeof rank]);
    }
  });
});
