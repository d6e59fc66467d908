import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  catalog,
  categoryKeys,
  getType,
  isNotificationType,
  notificationTypes,
  portalPath,
  typesInCategory,
  type InAppContent,
  type NotificationData,
  type NotificationType,
} from "@/lib/notifications/catalog";

// The spec: the 31 keys of /work/shared/design/catalog.md, in its order.
const specKeys = [
  "order.note_added",
  "order.pending_approval",
  "order.status_changed",
  "order.provisioning_notice",
  "order.provisioning_details",
  "catalog.changed",
  "offer.available",
  "scheduled_order.created",
  "scheduled_order.cancelled",
  "proposal.submitted",
  "quote.sent",
  "quote.accepted",
  "quote.rejected",
  "quote.canceled",
  "quote.change_requested",
  "subscription.provisioned",
  "subscription.order_placed",
  "subscription.order_canceled",
  "subscription.renewal_upcoming",
  "subscription.renewed",
  "subscription.renewal_failed",
  "subscription.changed",
  "subscription.partial_upgrade",
  "subscription.change_failed",
  "organization.created_during_sync",
  "organization.signed_up",
  "organization.tenant_created",
  "organization.status_changed",
  "organization.approval_pending",
  "payment.autopay_enabled",
  "payment.currency_reset",
] as const;

const entries = notificationTypes.map((type) => [type, getType(type)!] as const);

function render(type: string, data: unknown): InAppContent {
  const def = getType(type)!;
  return def.render(def.schema.parse(data));
}

/** The example without its optional top-level fields: what a terse platform would send. */
function minimal(type: NotificationType): Record<string, unknown> {
  const schema = catalog[type].schema as z.ZodObject;
  const example: Record<string, unknown> = { ...catalog[type].example };
  for (const [key, field] of Object.entries(schema.shape)) {
    if ((field as z.ZodType).safeParse(undefined).success) delete example[key];
  }
  return example;
}

function issuePaths(type: NotificationType, data: unknown): string[] {
  const result = catalog[type].schema.safeParse(data);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => issue.path.join("."));
}

function expectReadable(content: InAppContent) {
  for (const text of [content.title, content.body]) {
    expect(text.trim()).not.toBe("");
    expect(text).not.toMatch(/undefined|null|NaN|\[object/);
  }
}

describe("the catalog", () => {
  it("holds exactly the 31 types of catalog.md, in its order", () => {
    expect(notificationTypes).toEqual(specKeys);
  });

  it("files every type under a known category, in display order", () => {
    const categoryOrder = notificationTypes.map((type) => categoryKeys.indexOf(catalog[type].category));
    expect(categoryOrder.every((index) => index >= 0)).toBe(true);
    expect(categoryOrder).toEqual([...categoryOrder].sort((a, b) => a - b));
    expect(categoryKeys.flatMap((category) => typesInCategory(category))).toEqual(specKeys);
    expect(typesInCategory("payments")).toEqual(["payment.autopay_enabled", "payment.currency_reset"]);
  });

  it("gives every type a distinct label and a description", () => {
    const labels = entries.map(([, def]) => def.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const [, def] of entries) expect(def.description).toMatch(/^[A-Z].+\.$/);
  });

  it("looks types up by name, and only real ones", () => {
    expect(isNotificationType("subscription.renewal_failed")).toBe(true);
    expect(isNotificationType("subscription.unknown")).toBe(false);
    expect(isNotificationType("toString")).toBe(false);
    expect(getType("__proto__")).toBeUndefined();
    expect(getType("quote.sent")?.link).toBe("quote");
  });

  it("feeds a zod enum of types", () => {
    const typeSchema = z.enum(notificationTypes);
    expect(typeSchema.parse("quote.sent")).toBe("quote.sent");
    expect(typeSchema.safeParse("quote.sent.v2").success).toBe(false);
  });
});

describe.each(entries)("%s", (type, def) => {
  it("has an example that passes its schema", () => {
    expect(def.schema.safeParse(def.example).error?.issues).toBeUndefined();
  });

  it("renders its example as short readable text linking into the portal", () => {
    const content = render(type, def.example);
    expectReadable(content);
    expect(content.title.length).toBeLessThanOrEqual(120);
    expect(content.path?.startsWith(portalPath(def.link, null))).toBe(true);
  });

  it("renders without its optional fields", () => {
    expectReadable(render(type, minimal(type)));
  });

  it("never shows sensitive values in-app", () => {
    const example = def.example as Record<string, unknown>;
    const content = render(type, example);
    for (const key of def.sensitive) {
      const secret = String(example[key]);
      expect(secret.length).toBeGreaterThan(0);
      expect(`${content.title} ${content.body} ${content.path}`).not.toContain(secret);
    }
  });
});

describe("sensitive fields", () => {
  it("are only the temporary password of a new tenant", () => {
    const sensitive = entries.filter(([, def]) => def.sensitive.length > 0);
    expect(sensitive.map(([type, def]) => [type, def.sensitive])).toEqual([
      ["organization.tenant_created", ["temporaryPassword"]],
    ]);
  });
});

describe("recipients, channels and criticality follow catalog.md", () => {
  it("marks exactly the five critical types", () => {
    expect(entries.filter(([, def]) => def.critical).map(([type]) => type)).toEqual([
      "order.pending_approval",
      "subscription.renewal_failed",
      "subscription.change_failed",
      "organization.status_changed",
      "organization.approval_pending",
    ]);
  });

  it.each([
    ["order.note_added", ["customer.primary"], ["reseller.primary"]],
    ["order.pending_approval", ["reseller.primary"], ["distributor.primary"]],
    ["order.provisioning_details", ["vendor.primary"], []],
    ["catalog.changed", ["reseller.primary"], ["reseller.account_managers"]],
    ["quote.accepted", ["reseller.account_managers"], ["reseller.primary"]],
    ["subscription.renewal_failed", ["customer.primary", "customer.billing"], ["reseller.primary"]],
    ["organization.tenant_created", ["actor"], ["reseller.primary", "customer.primary"]],
    ["payment.autopay_enabled", ["customer.billing"], ["customer.primary", "reseller.billing"]],
    ["payment.currency_reset", ["customer.admins"], []],
  ] as const)("%s goes to %j, copying %j", (type, to, cc) => {
    expect(catalog[type].to).toEqual(to);
    expect(catalog[type].cc).toEqual(cc);
  });

  it("turns email off by default only for catalog changes", () => {
    for (const [type, def] of entries) {
      const expected = type === "catalog.changed" ? ["in_app"] : ["in_app", "email"];
      expect([...def.channels].sort(), type).toEqual([...expected].sort());
    }
  });
});

describe("schemas reject bad payloads with the field's path", () => {
  it("a missing required field", () => {
    const { subscriptionName: _, ...data } = catalog["subscription.renewal_failed"].example;
    expect(issuePaths("subscription.renewal_failed", data)).toEqual(["subscriptionName"]);
  });

  it("a value outside an enum", () => {
    const data = { ...catalog["order.pending_approval"].example, reason: "gut_feeling" };
    expect(issuePaths("order.pending_approval", data)).toEqual(["reason"]);
  });

  it("a currency that is not ISO 4217", () => {
    const example = catalog["subscription.order_placed"].example;
    expect(issuePaths("subscription.order_placed", { ...example, currency: "eur" })).toEqual(["currency"]);
    expect(issuePaths("subscription.order_placed", { ...example, currency: "EURO" })).toEqual(["currency"]);
    const items = [{ ...example.items[0]!, currency: "€" }];
    expect(issuePaths("subscription.order_placed", { ...example, items })).toEqual(["items.0.currency"]);
  });

  it("money as a number or with a thousands separator", () => {
    const example = catalog["quote.sent"].example;
    expect(issuePaths("quote.sent", { ...example, totalAmount: 12150 })).toEqual(["totalAmount"]);
    expect(issuePaths("quote.sent", { ...example, totalAmount: "12,150.00" })).toEqual(["totalAmount"]);
  });

  it("more than 500 catalog products, or none", () => {
    const example = catalog["catalog.changed"].example;
    const products = Array.from({ length: 501 }, (_, i) => ({ sku: `SKU-${i}`, name: `Product ${i}` }));
    expect(issuePaths("catalog.changed", { ...example, products })).toEqual(["products"]);
    expect(issuePaths("catalog.changed", { ...example, products: [] })).toEqual(["products"]);
    expect(catalog["catalog.changed"].schema.safeParse({ ...example, products: products.slice(0, 500) }).success).toBe(
      true,
    );
  });

  it("more than 20 subscription changes", () => {
    const example = catalog["subscription.changed"].example;
    const changes = Array.from({ length: 21 }, (_, i) => ({ field: "quantity", from: i, to: i + 1 }));
    expect(issuePaths("subscription.changed", { ...example, changes })).toEqual(["changes"]);
  });

  it("dates that are not ISO 8601, and card expiry not as YYYY-MM", () => {
    const renewal = catalog["subscription.renewal_upcoming"].example;
    expect(issuePaths("subscription.renewal_upcoming", { ...renewal, renewalDate: "03.12.2026" })).toEqual([
      "renewalDate",
    ]);
    expect(issuePaths("subscription.renewal_upcoming", { ...renewal, renewalDate: "2026-02-30" })).toEqual([
      "renewalDate",
    ]);
    const card = catalog["payment.autopay_enabled"].example;
    expect(issuePaths("payment.autopay_enabled", { ...card, expiresAt: "11/28" })).toEqual(["expiresAt"]);
  });

  it("an amount without its currency", () => {
    const { currency: _, ...data } = catalog["proposal.submitted"].example;
    expect(issuePaths("proposal.submitted", data)).toEqual(["currency"]);
  });

  it("a non-integer or zero item quantity", () => {
    const example = catalog["order.status_changed"].example;
    const item = example.items[0]!;
    expect(issuePaths("order.status_changed", { ...example, items: [{ ...item, quantity: 2.5 }] })).toEqual([
      "items.0.quantity",
    ]);
    expect(issuePaths("order.status_changed", { ...example, items: [{ ...item, quantity: 0 }] })).toEqual([
      "items.0.quantity",
    ]);
  });

  it("accepts a date or a timestamp where a date is expected, and strips unknown keys", () => {
    const schema = catalog["subscription.renewal_failed"].schema;
    const example = catalog["subscription.renewal_failed"].example;
    expect(schema.safeParse({ ...example, retryAt: "2026-11-28" }).success).toBe(true);
    expect(schema.safeParse({ ...example, retryAt: "2026-11-28T10:00:00+01:00" }).success).toBe(true);
    expect(schema.parse({ ...example, internalFlag: true })).not.toHaveProperty("internalFlag");
  });
});

describe("in-app text", () => {
  it("reads like the design's example", () => {
    expect(render("subscription.renewal_failed", catalog["subscription.renewal_failed"].example)).toEqual({
      title: "Renewal failed: Microsoft 365 E3",
      body: "Card declined. We will retry on 28 Nov 2026.",
      path: "/subscriptions/sub_881",
    });
  });

  it("formats money with its currency code and dates as day month year", () => {
    const content = render("subscription.renewal_upcoming", {
      ...catalog["subscription.renewal_upcoming"].example,
      totalAmount: "1234.5",
      renewalDate: "2026-12-03T23:30:00-05:00",
    });
    expect(content.body).toBe("Your annual subscription renews on 3 Dec 2026 for EUR 1,234.50.");
  });

  it("keeps the temporary password out even where the admin account is shown", () => {
    const content = render("organization.tenant_created", catalog["organization.tenant_created"].example);
    expect(content.body).toContain("admin@contoso.onmicrosoft.com");
    expect(JSON.stringify(content)).not.toContain("Tmp#4821-Kq9x");
  });
});

describe("portalPath", () => {
  it.each([
    ["order", "ord_1", "/orders/ord_1"],
    ["subscription", "sub_1", "/subscriptions/sub_1"],
    ["quote", "quote_1", "/quotes/quote_1"],
    ["proposal", "prop_1", "/proposals/prop_1"],
    ["offer", "offer_1", "/offers/offer_1"],
    ["organization", "cust_42", "/organizations/cust_42"],
    ["catalog", null, "/catalog"],
    ["billing", null, "/billing"],
    ["billing", "ignored", "/billing"],
    ["subscription", null, "/subscriptions"],
    ["order", "a/b c", "/orders/a%2Fb%20c"],
  ] as const)("(%s, %s) → %s", (link, id, path) => {
    expect(portalPath(link, id)).toBe(path);
  });
});

// Checked by `tsc`: the catalog keeps each type's payload precise.
describe("types", () => {
  it("infers each payload from its schema", () => {
    expectTypeOf<NotificationData<"subscription.renewal_failed">>().toEqualTypeOf<{
      subscriptionId: string;
      subscriptionName: string;
      errorMessage: string;
      retryAt?: string | undefined;
    }>();
    expectTypeOf<NotificationData<"order.pending_approval">["reason"]>().toEqualTypeOf<
      "credit_check" | "large_transaction" | "multi_tier"
    >();
    expectTypeOf<NotificationType>().toEqualTypeOf<(typeof specKeys)[number]>();
  });
});
