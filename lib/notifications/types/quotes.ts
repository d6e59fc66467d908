import { z } from "zod";
import { defineType } from "../define";
import { formatDate, formatMoney, sentence, summarizeItems, truncate } from "../format";
import { portalPath } from "../portal-path";
import { amount, currency, date, id, longText, name, orderItems, person, shortText } from "./shared";

/** " Reason: out of budget." or "" — optional reasons must not leave dangling words. */
function reasonSuffix(reason: string | undefined): string {
  return reason ? ` Reason: ${sentence(truncate(reason))}` : "";
}

export const quoteTypes = {
  "proposal.submitted": defineType({
    category: "quotes",
    label: "New proposal",
    description: "Your seller saves an order draft for you to review.",
    to: ["customer.primary"],
    cc: [],
    channels: ["in_app", "email"],
    link: "proposal",
    schema: z
      .object({
        proposalId: id,
        orderReference: shortText,
        sellerName: name,
        totalAmount: amount.optional(),
        currency: currency.optional(),
      })
      // An amount without its currency cannot be shown; the reverse is harmless.
      .refine((d) => d.totalAmount === undefined || d.currency !== undefined, {
        message: "currency is required with totalAmount",
        path: ["currency"],
      }),
    render: (d) => ({
      title: `New proposal from ${d.sellerName}`,
      body:
        `Review proposal ${d.orderReference}` +
        (d.totalAmount && d.currency ? ` (${formatMoney(d.totalAmount, d.currency)})` : "") +
        " and order it when you are ready.",
      path: portalPath("proposal", d.proposalId),
    }),
    email: {
      subject: (d) => `New proposal from ${d.sellerName}: ${d.orderReference}`,
      preheader: (d) =>
        `Review the proposal${d.totalAmount && d.currency ? ` of ${formatMoney(d.totalAmount, d.currency)}` : ""} and order when you are ready.`,
    },
    example: {
      proposalId: "prop_58",
      orderReference: "PO-2026-311",
      sellerName: "Fabrikam IT Services",
      totalAmount: "10125.00",
      currency: "EUR",
    },
  }),

  "quote.sent": defineType({
    category: "quotes",
    label: "Quote received",
    description: "Your seller sends you a new quote or an updated one.",
    to: ["customer.primary"],
    cc: [],
    channels: ["in_app", "email"],
    link: "quote",
    schema: z.object({
      quoteId: id,
      quoteName: name,
      version: z.int().min(1).max(1000).optional(),
      totalAmount: amount,
      currency,
      validUntil: date.optional(),
      accountManager: person,
    }),
    render: (d) => ({
      title: d.version && d.version > 1 ? `Updated quote: ${d.quoteName} (v${d.version})` : `New quote: ${d.quoteName}`,
      body:
        `${d.accountManager.name} sent a quote for ${formatMoney(d.totalAmount, d.currency)}` +
        (d.validUntil ? `, valid until ${formatDate(d.validUntil)}.` : "."),
      path: portalPath("quote", d.quoteId),
    }),
    email: {
      subject: (d) =>
        d.version && d.version > 1 ? `Updated quote: ${d.quoteName} (v${d.version})` : `New quote: ${d.quoteName}`,
      preheader: (d) => `${d.accountManager.name} sent a quote for ${formatMoney(d.totalAmount, d.currency)}.`,
    },
    example: {
      quoteId: "quote_204",
      quoteName: "Contoso Microsoft 365 rollout",
      version: 2,
      totalAmount: "12150.00",
      currency: "EUR",
      validUntil: "2026-12-31",
      accountManager: { name: "Jonas Weber" },
    },
  }),

  "quote.accepted": defineType({
    category: "quotes",
    label: "Quote accepted",
    description: "A customer accepts one of your quotes.",
    to: ["reseller.account_managers"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    link: "quote",
    schema: z.object({ quoteId: id, quoteName: name, customerName: name, acceptedBy: person }),
    render: (d) => ({
      title: `Quote accepted: ${d.quoteName}`,
      body: `${d.acceptedBy.name} at ${d.customerName} accepted the quote.`,
      path: portalPath("quote", d.quoteId),
    }),
    email: {
      subject: (d) => `Quote accepted: ${d.quoteName}`,
      preheader: (d) => `${d.acceptedBy.name} at ${d.customerName} accepted the quote.`,
    },
    example: {
      quoteId: "quote_204",
      quoteName: "Contoso Microsoft 365 rollout",
      customerName: "Contoso Ltd",
      acceptedBy: { name: "Maria Garcia" },
    },
  }),

  "quote.rejected": defineType({
    category: "quotes",
    label: "Quote rejected",
    description: "The seller's account manager rejects a quote.",
    to: ["actor"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    link: "quote",
    schema: z.object({
      quoteId: id,
      quoteName: name,
      rejectedByOrg: name,
      reason: longText.optional(),
      items: orderItems,
      totalAmount: amount,
      currency,
    }),
    render: (d) => ({
      title: `Quote rejected: ${d.quoteName}`,
      body:
        `${d.rejectedByOrg} rejected the quote for ${formatMoney(d.totalAmount, d.currency)} ` +
        `(${summarizeItems(d.items)}).${reasonSuffix(d.reason)}`,
      path: portalPath("quote", d.quoteId),
    }),
    email: {
      subject: (d) => `Quote rejected: ${d.quoteName}`,
      preheader: (d) => `${d.rejectedByOrg} rejected the quote for ${formatMoney(d.totalAmount, d.currency)}.`,
    },
    example: {
      quoteId: "quote_204",
      quoteName: "Contoso Microsoft 365 rollout",
      rejectedByOrg: "Fabrikam IT Services",
      reason: "Pricing is outside the agreed discount band",
      items: [{ offerName: "Microsoft 365 E3", quantity: 300, unitPrice: "33.75", currency: "EUR" }],
      totalAmount: "10125.00",
      currency: "EUR",
    },
  }),

  "quote.canceled": defineType({
    category: "quotes",
    label: "Quote cancelled",
    description: "Your seller cancels a quote; it can no longer be accepted.",
    to: ["customer.primary"],
    cc: [],
    channels: ["in_app", "email"],
    link: "quote",
    schema: z.object({ quoteId: id, quoteName: name, reason: longText.optional() }),
    render: (d) => ({
      title: `Quote cancelled: ${d.quoteName}`,
      body: `This quote can no longer be accepted.${reasonSuffix(d.reason)}`,
      path: portalPath("quote", d.quoteId),
    }),
    email: {
      subject: (d) => `Quote cancelled: ${d.quoteName}`,
      preheader: () => "This quote can no longer be accepted.",
    },
    example: {
      quoteId: "quote_204",
      quoteName: "Contoso Microsoft 365 rollout",
      reason: "Replaced by a quote with updated pricing.",
    },
  }),

  "quote.change_requested": defineType({
    category: "quotes",
    label: "Quote changes requested",
    description: "A customer asks for changes to one of your quotes.",
    to: ["reseller.account_managers"],
    cc: ["reseller.primary"],
    channels: ["in_app", "email"],
    link: "quote",
    schema: z.object({ quoteId: id, quoteName: name, requestedBy: person, comment: longText }),
    render: (d) => ({
      title: `Changes requested: ${d.quoteName}`,
      body: `${d.requestedBy.name}: “${truncate(d.comment)}”`,
      path: portalPath("quote", d.quoteId),
    }),
    email: {
      subject: (d) => `Changes requested: ${d.quoteName}`,
      preheader: (d) => `${d.requestedBy.name} asked for changes to the quote.`,
    },
    example: {
      quoteId: "quote_204",
      quoteName: "Contoso Microsoft 365 rollout",
      requestedBy: { name: "Maria Garcia" },
      comment: "Could you split the 300 licences into 250 E3 and 50 E5, starting in January?",
    },
  }),
};
