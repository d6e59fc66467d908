import { z } from "zod";
import { defineType } from "../define";
import { formatDate, formatMoney, humanize, plural, sentence, summarizeItems, truncate } from "../format";
import { portalPath } from "../portal-path";
import { amount, currency, date, dateTime, id, longText, name, orderItems, shortText } from "./shared";

// Change values arrive as the platform stores them: quantities as numbers, the rest as text.
const changeValue = z.union([z.string().trim().max(200), z.number()]);

const subscriptionState = z.object({
  quantity: z.int().min(0).max(1_000_000),
  status: shortText,
  billingFrequency: shortText,
});
type SubscriptionState = z.infer<typeof subscriptionState>;

/** Only what differs: "quantity 25 → 20; billing frequency monthly → annual". */
function describeSplit(before: SubscriptionState, after: SubscriptionState): string {
  const fields = ["quantity", "status", "billingFrequency"] as const;
  return fields
    .filter((field) => before[field] !== after[field])
    .map((field) => `${humanize(field).toLowerCase()} ${before[field]} → ${after[field]}`)
    .join("; ");
}

/** An emptied value reads as "none", not as a blank. */
function showValue(value: string | number): string {
  return value === "" ? "none" : String(value);
}

function renewsIn(days: number): string {
  if (days === 0) return "Renews today";
  return `Renews in ${plural(days, "day")}`;
}

export const subscriptionTypes = {
  "subscription.provisioned": defineType({
    category: "subscriptions",
    label: "Subscription provisioned",
    description: "The vendor has provisioned an offer you ordered.",
    to: ["actor"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    link: "subscription",
    schema: z.object({ subscriptionId: id, offerName: name, customerName: name, sellerName: name, orderDate: date }),
    render: (d) => ({
      title: `Ready to use: ${d.offerName}`,
      body: `Provisioned for ${d.customerName} (ordered ${formatDate(d.orderDate)} through ${d.sellerName}).`,
      path: portalPath("subscription", d.subscriptionId),
    }),
    email: {
      subject: (d) => `Ready to use: ${d.offerName}`,
      preheader: (d) => `${d.offerName} is provisioned for ${d.customerName}.`,
    },
    example: {
      subscriptionId: "sub_881",
      offerName: "Microsoft 365 E3",
      customerName: "Contoso Ltd",
      sellerName: "Fabrikam IT Services",
      orderDate: "2026-11-24",
    },
  }),

  "subscription.order_placed": defineType({
    category: "subscriptions",
    label: "Order placed",
    description: "An order is placed.",
    to: ["actor"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    link: "order",
    schema: z.object({ orderId: id, orderNumber: shortText, items: orderItems, totalAmount: amount, currency }),
    render: (d) => ({
      title: `Order placed: ${d.orderNumber}`,
      body: `${summarizeItems(d.items)}, total ${formatMoney(d.totalAmount, d.currency)}.`,
      path: portalPath("order", d.orderId),
    }),
    email: {
      subject: (d) => `Order placed: ${d.orderNumber}`,
      preheader: (d) => `Total ${formatMoney(d.totalAmount, d.currency)}. We will let you know when it is provisioned.`,
    },
    example: {
      orderId: "ord_1042",
      orderNumber: "ORD-1042",
      items: [{ offerName: "Microsoft 365 E3", quantity: 25, unitPrice: "33.75", currency: "EUR" }],
      totalAmount: "843.75",
      currency: "EUR",
    },
  }),

  "subscription.order_canceled": defineType({
    category: "subscriptions",
    label: "Cancellation ordered",
    description: "A cancellation order is placed for a subscription.",
    to: ["actor"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    link: "order",
    schema: z.object({ orderId: id, orderNumber: shortText, subscriptionName: name }),
    render: (d) => ({
      title: `Cancellation ordered: ${d.subscriptionName}`,
      body: `Cancellation order ${d.orderNumber} was placed.`,
      path: portalPath("order", d.orderId),
    }),
    email: {
      subject: (d) => `Cancellation ordered: ${d.subscriptionName}`,
      preheader: (d) => `Cancellation order ${d.orderNumber} was placed.`,
    },
    example: { orderId: "ord_1043", orderNumber: "ORD-1043", subscriptionName: "Microsoft 365 E3" },
  }),

  // The platform sends it 60, 35 and 7 days ahead for annual and triennial terms, 7 for monthly.
  "subscription.renewal_upcoming": defineType({
    category: "subscriptions",
    label: "Upcoming renewal",
    description: "A subscription is about to renew.",
    to: ["customer.primary"],
    cc: [],
    channels: ["in_app", "email"],
    link: "subscription",
    schema: z.object({
      subscriptionId: id,
      subscriptionName: name,
      renewalDate: date,
      daysUntilRenewal: z.int().min(0).max(1200),
      term: z.enum(["monthly", "annual", "triennial"]),
      totalAmount: amount,
      currency,
    }),
    render: (d) => ({
      title: `${renewsIn(d.daysUntilRenewal)}: ${d.subscriptionName}`,
      body: `Your ${d.term} subscription renews on ${formatDate(d.renewalDate)} for ${formatMoney(d.totalAmount, d.currency)}.`,
      path: portalPath("subscription", d.subscriptionId),
    }),
    email: {
      subject: (d) =>
        d.daysUntilRenewal === 0
          ? `${d.subscriptionName} renews today`
          : `${d.subscriptionName} renews in ${plural(d.daysUntilRenewal, "day")}`,
      preheader: (d) => `Renewal on ${formatDate(d.renewalDate)} for ${formatMoney(d.totalAmount, d.currency)}.`,
    },
    example: {
      subscriptionId: "sub_881",
      subscriptionName: "Microsoft 365 E3",
      renewalDate: "2026-12-03",
      daysUntilRenewal: 7,
      term: "annual",
      totalAmount: "10125.00",
      currency: "EUR",
    },
  }),

  "subscription.renewed": defineType({
    category: "subscriptions",
    label: "Subscription renewed",
    description: "A subscription renewed successfully.",
    to: ["customer.primary"],
    cc: [],
    channels: ["in_app", "email"],
    link: "subscription",
    schema: z.object({
      subscriptionId: id,
      subscriptionName: name,
      renewedAt: dateTime,
      nextRenewalDate: date.optional(),
    }),
    render: (d) => ({
      title: `Renewed: ${d.subscriptionName}`,
      body:
        `Renewed on ${formatDate(d.renewedAt)}.` +
        (d.nextRenewalDate ? ` Next renewal: ${formatDate(d.nextRenewalDate)}.` : ""),
      path: portalPath("subscription", d.subscriptionId),
    }),
    email: {
      subject: (d) => `Renewed: ${d.subscriptionName}`,
      preheader: (d) =>
        `Renewed on ${formatDate(d.renewedAt)}.${d.nextRenewalDate ? ` Next renewal: ${formatDate(d.nextRenewalDate)}.` : ""}`,
    },
    example: {
      subscriptionId: "sub_881",
      subscriptionName: "Microsoft 365 E3",
      renewedAt: "2026-12-03T00:05:00Z",
      nextRenewalDate: "2027-12-03",
    },
  }),

  "subscription.renewal_failed": defineType({
    category: "subscriptions",
    label: "Renewal failed",
    description: "A subscription could not be renewed.",
    to: ["customer.primary", "customer.billing"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    critical: true,
    link: "subscription",
    schema: z.object({
      subscriptionId: id,
      subscriptionName: name,
      errorMessage: longText,
      retryAt: dateTime.optional(),
    }),
    render: (d) => ({
      title: `Renewal failed: ${d.subscriptionName}`,
      body:
        sentence(truncate(d.errorMessage)) +
        (d.retryAt ? ` We will retry on ${formatDate(d.retryAt)}.` : " Open the subscription to resolve it."),
      path: portalPath("subscription", d.subscriptionId),
    }),
    email: {
      subject: (d) => `Action required: renewal failed for ${d.subscriptionName}`,
      preheader: (d) =>
        d.retryAt
          ? `We will retry on ${formatDate(d.retryAt)}. Fix the problem before then.`
          : "Open the subscription to resolve it.",
    },
    example: {
      subscriptionId: "sub_881",
      subscriptionName: "Microsoft 365 E3",
      errorMessage: "Card declined",
      retryAt: "2026-11-28T10:00:00Z",
    },
  }),

  "subscription.changed": defineType({
    category: "subscriptions",
    label: "Subscription changed",
    description: "A change to a subscription's quantity, status, plan or billing frequency went through.",
    to: ["actor"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    link: "subscription",
    schema: z.object({
      subscriptionId: id,
      subscriptionName: name,
      changes: z
        .array(z.object({ field: shortText, from: changeValue, to: changeValue }))
        .min(1)
        .max(20),
    }),
    render: (d) => {
      const shown = d.changes.slice(0, 3).map((c) => `${humanize(c.field)}: ${showValue(c.from)} → ${showValue(c.to)}`);
      const more =
        d.changes.length > shown.length ? ` and ${plural(d.changes.length - shown.length, "more change")}` : "";
      return {
        title: `Subscription changed: ${d.subscriptionName}`,
        body: `${shown.join("; ")}${more}.`,
        path: portalPath("subscription", d.subscriptionId),
      };
    },
    email: {
      subject: (d) => `Subscription changed: ${d.subscriptionName}`,
      preheader: (d) => `${plural(d.changes.length, "change")} applied.`,
    },
    example: {
      subscriptionId: "sub_881",
      subscriptionName: "Microsoft 365 E3",
      changes: [
        { field: "quantity", from: 25, to: 30 },
        { field: "billingFrequency", from: "monthly", to: "annual" },
      ],
    },
  }),

  "subscription.partial_upgrade": defineType({
    category: "subscriptions",
    label: "Partial upgrade",
    description: "A partial upgrade split one subscription into two.",
    to: ["actor"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    link: "subscription",
    schema: z.object({
      subscriptionId: id,
      newSubscriptionId: id,
      subscriptionName: name,
      effectiveDate: date,
      before: subscriptionState,
      after: subscriptionState,
    }),
    render: (d) => {
      const diff = describeSplit(d.before, d.after);
      return {
        title: `Partial upgrade: ${d.subscriptionName}`,
        body: `Split into two subscriptions from ${formatDate(d.effectiveDate)}.${diff ? ` This subscription: ${diff}.` : ""}`,
        path: portalPath("subscription", d.subscriptionId),
      };
    },
    email: {
      subject: (d) => `Partial upgrade: ${d.subscriptionName}`,
      preheader: (d) => `The subscription was split in two from ${formatDate(d.effectiveDate)}.`,
    },
    example: {
      subscriptionId: "sub_881",
      newSubscriptionId: "sub_902",
      subscriptionName: "Microsoft 365 E3",
      effectiveDate: "2026-12-01",
      before: { quantity: 30, status: "active", billingFrequency: "monthly" },
      after: { quantity: 20, status: "active", billingFrequency: "monthly" },
    },
  }),

  "subscription.change_failed": defineType({
    category: "subscriptions",
    label: "Subscription change failed",
    description: "A change to a subscription failed.",
    to: ["actor"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    critical: true,
    link: "subscription",
    schema: z.object({
      subscriptionId: id,
      subscriptionName: name,
      attemptedChange: z.string().trim().min(1).max(500),
      errorMessage: longText,
      errorCode: shortText.optional(),
    }),
    render: (d) => ({
      title: `Change failed: ${d.subscriptionName}`,
      body:
        `Could not apply “${truncate(d.attemptedChange, 80)}”: ${sentence(truncate(d.errorMessage))}` +
        (d.errorCode ? ` Error code: ${d.errorCode}.` : ""),
      path: portalPath("subscription", d.subscriptionId),
    }),
    email: {
      subject: (d) => `Action required: change failed for ${d.subscriptionName}`,
      preheader: (d) => `Could not apply “${d.attemptedChange}”.`,
    },
    example: {
      subscriptionId: "sub_881",
      subscriptionName: "Microsoft 365 E3",
      attemptedChange: "Increase quantity from 25 to 300",
      errorMessage: "The quantity exceeds the tenant's license limit",
      errorCode: "QUANTITY_LIMIT_EXCEEDED",
    },
  }),
};
