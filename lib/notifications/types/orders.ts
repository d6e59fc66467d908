import { z } from "zod";
import { defineType } from "../define";
import { formatDate, formatMoney, humanize, summarizeItems, truncate } from "../format";
import { portalPath } from "../portal-path";
import {
  amount,
  currency,
  date,
  dateTime,
  id,
  longText,
  name,
  orderItems,
  person,
  personWithEmail,
  shortText,
} from "./shared";

const approvalReasons = {
  credit_check: "credit check",
  large_transaction: "large transaction",
  multi_tier: "multi-tier approval",
} as const;

const orderStatus = z.enum(["in_progress", "completed", "completed_with_errors"]);
const statusTitles: Record<z.infer<typeof orderStatus>, string> = {
  in_progress: "is in progress",
  completed: "completed",
  completed_with_errors: "completed with errors",
};

const company = z.object({ companyName: name, country: shortText });

export const orderTypes = {
  "order.note_added": defineType({
    category: "orders",
    label: "Order notes",
    description: "Someone adds a note to an order.",
    to: ["customer.primary"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    link: "order",
    schema: z.object({
      orderId: id,
      orderNumber: shortText,
      // The order's status when the note was written, as the platform names it (not enumerated).
      status: shortText,
      note: longText,
      author: person,
      createdAt: dateTime,
    }),
    render: (d) => ({
      title: `New note on order ${d.orderNumber}`,
      body: `${d.author.name}: ${truncate(d.note)}`,
      path: portalPath("order", d.orderId),
    }),
    email: {
      subject: (d) => `New note on order ${d.orderNumber}`,
      preheader: (d) => `${d.author.name} added a note to order ${d.orderNumber}.`,
    },
    example: {
      orderId: "ord_1042",
      orderNumber: "ORD-1042",
      status: "in_progress",
      note: "Customer asked to start the licences on Monday; provisioning is scheduled accordingly.",
      author: { name: "Anna Schmidt" },
      createdAt: "2026-11-26T10:00:00Z",
    },
  }),

  "order.pending_approval": defineType({
    category: "orders",
    label: "Order awaiting approval",
    description:
      "An order waits for your organization's approval, for a credit check, a large amount or a multi-tier chain.",
    to: ["reseller.primary"],
    cc: ["distributor.primary"],
    channels: ["in_app", "email"],
    critical: true,
    link: "order",
    schema: z.object({
      orderId: id,
      orderNumber: shortText,
      customerName: name,
      totalAmount: amount,
      currency,
      reason: z.enum(["credit_check", "large_transaction", "multi_tier"]),
      // Position in a multi-tier approval chain (1 = first approver).
      approvalLevel: z.int().min(1).max(20).optional(),
    }),
    render: (d) => ({
      title: `Approval needed: order ${d.orderNumber}`,
      body:
        `${d.customerName}'s order of ${formatMoney(d.totalAmount, d.currency)} needs your approval ` +
        `(${approvalReasons[d.reason]}${d.approvalLevel ? `, level ${d.approvalLevel}` : ""}).`,
      path: portalPath("order", d.orderId),
    }),
    email: {
      subject: (d) => `Action required: approve order ${d.orderNumber}`,
      preheader: (d) =>
        `${d.customerName}'s order of ${formatMoney(d.totalAmount, d.currency)} is waiting for your approval.`,
    },
    example: {
      orderId: "ord_1042",
      orderNumber: "ORD-1042",
      customerName: "Contoso Ltd",
      totalAmount: "48500.00",
      currency: "EUR",
      reason: "large_transaction",
      approvalLevel: 2,
    },
  }),

  "order.status_changed": defineType({
    category: "orders",
    label: "Order status changed",
    description: "The provisioning status of an order changes.",
    to: ["actor"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    link: "order",
    schema: z.object({
      orderId: id,
      orderNumber: shortText,
      status: orderStatus,
      // Free text: an order can come from states outside the three above (e.g. "submitted").
      previousStatus: shortText.optional(),
      customerName: name,
      items: orderItems,
    }),
    render: (d) => ({
      title: `Order ${d.orderNumber} ${statusTitles[d.status]}`,
      body:
        `${d.customerName}: ${summarizeItems(d.items)}.` +
        (d.previousStatus ? ` Previously: ${humanize(d.previousStatus).toLowerCase()}.` : ""),
      path: portalPath("order", d.orderId),
    }),
    email: {
      subject: (d) => `Order ${d.orderNumber}: ${humanize(d.status).toLowerCase()}`,
      preheader: (d) => `The order for ${d.customerName} is now ${humanize(d.status).toLowerCase()}.`,
    },
    example: {
      orderId: "ord_1042",
      orderNumber: "ORD-1042",
      status: "completed",
      previousStatus: "in_progress",
      customerName: "Contoso Ltd",
      items: [
        { offerName: "Microsoft 365 E3", quantity: 25, unitPrice: "33.75", currency: "EUR" },
        { offerName: "Microsoft Teams Phone Standard", quantity: 10, unitPrice: "7.50", currency: "EUR" },
      ],
    },
  }),

  "order.provisioning_notice": defineType({
    category: "orders",
    label: "Provisioning started",
    description: "An order is submitted; provisioning can take from minutes to days.",
    to: ["actor"],
    cc: [],
    channels: ["in_app", "email"],
    link: "order",
    schema: z.object({
      orderId: id,
      orderNumber: shortText,
      items: orderItems,
      expectedWithin: shortText.optional(),
    }),
    render: (d) => ({
      title: `Order ${d.orderNumber} is being provisioned`,
      body:
        `${summarizeItems(d.items)}. Provisioning can take ` +
        `${d.expectedWithin ?? "from a few minutes to a few days"}; we will let you know when it is done.`,
      path: portalPath("order", d.orderId),
    }),
    email: {
      subject: (d) => `Order ${d.orderNumber} is being provisioned`,
      preheader: (d) =>
        `Provisioning can take ${d.expectedWithin ?? "from a few minutes to a few days"}; we will let you know when it is done.`,
    },
    example: {
      orderId: "ord_1042",
      orderNumber: "ORD-1042",
      items: [{ offerName: "Microsoft 365 E3", quantity: 25, unitPrice: "33.75", currency: "EUR" }],
      expectedWithin: "up to 48 hours",
    },
  }),

  // Also goes to the offer's provisioning address through the envelope's `recipients.emails`.
  "order.provisioning_details": defineType({
    category: "orders",
    label: "Manual provisioning request",
    description: "An order needs you, the vendor, to provision it manually.",
    to: ["vendor.primary"],
    cc: [],
    channels: ["in_app", "email"],
    link: "order",
    schema: z.object({
      orderId: id,
      orderNumber: shortText,
      orderType: shortText,
      subscriptionId: id,
      startDate: date,
      sku: shortText,
      offerName: name,
      vendorId: id,
      creator: personWithEmail,
      partner: company,
      customer: company,
      // Answers to the offer's provisioning form; shown in the email, not in-app.
      formData: z
        .record(z.string().min(1).max(200), z.string().max(5000))
        .refine((map) => Object.keys(map).length <= 100, "At most 100 form fields")
        .optional(),
    }),
    render: (d) => ({
      title: `Provision ${d.offerName} manually`,
      body:
        `${humanize(d.orderType)} order ${d.orderNumber} for ${d.customer.companyName} (${d.customer.country}) ` +
        `via ${d.partner.companyName}. SKU ${d.sku}, start date ${formatDate(d.startDate)}.`,
      path: portalPath("order", d.orderId),
    }),
    email: {
      subject: (d) => `Manual provisioning needed: ${d.offerName} (order ${d.orderNumber})`,
      preheader: (d) =>
        `${d.customer.companyName} ordered ${d.offerName} through ${d.partner.companyName}; start date ${formatDate(d.startDate)}.`,
    },
    example: {
      orderId: "ord_1042",
      orderNumber: "ORD-1042",
      orderType: "new",
      subscriptionId: "sub_881",
      startDate: "2026-12-01",
      sku: "CFQ7TTC0LF8R:0001",
      offerName: "Acme Backup for Microsoft 365",
      vendorId: "vendor_1",
      creator: { name: "Anna Schmidt", email: "anna.schmidt@fabrikam.example" },
      partner: { companyName: "Fabrikam IT Services", country: "DE" },
      customer: { companyName: "Contoso Ltd", country: "DE" },
      formData: { "Backup region": "EU West", "Retention (days)": "90" },
    },
  }),
};
