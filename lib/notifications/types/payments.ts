import { z } from "zod";
import { defineType } from "../define";
import { formatDate, formatExpiry, humanize } from "../format";
import { portalPath } from "../portal-path";
import { currency, date, shortText } from "./shared";

// Brand names the platform sends in lower case; anything else is shown humanized.
const brandNames: Record<string, string> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  american_express: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
};

function brandName(brand: string): string {
  return brandNames[brand.toLowerCase()] ?? humanize(brand);
}

export const paymentTypes = {
  "payment.autopay_enabled": defineType({
    category: "payments",
    label: "Automatic payment turned on",
    description: "A card was saved and automatic payment turned on.",
    to: ["customer.billing"],
    cc: ["customer.primary", "reseller.billing"],
    channels: ["in_app", "email"],
    link: "billing",
    schema: z.object({
      cardBrand: shortText,
      last4: z.string().regex(/^\d{4}$/, "Expected the last 4 digits of the card"),
      expiresAt: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Expected YYYY-MM"),
    }),
    render: (d) => ({
      title: "Automatic payment turned on",
      body: `${brandName(d.cardBrand)} ending in ${d.last4} (expires ${formatExpiry(d.expiresAt)}) will be charged automatically.`,
      path: portalPath("billing", null),
    }),
    email: {
      subject: () => "Automatic payment turned on",
      preheader: (d) => `The card ending in ${d.last4} will be charged automatically.`,
    },
    example: { cardBrand: "visa", last4: "4242", expiresAt: "2028-11" },
  }),

  "payment.currency_reset": defineType({
    category: "payments",
    label: "Currency reset",
    description: "Your seller no longer offers your preferred currency, so it was reset.",
    to: ["customer.admins"],
    cc: [],
    channels: ["in_app", "email"],
    link: "billing",
    schema: z.object({ previousCurrency: currency, currency, effectiveFrom: date }),
    render: (d) => ({
      title: `Billing currency changed to ${d.currency}`,
      body: `${d.previousCurrency} is no longer offered by your seller, so your currency is ${d.currency} from ${formatDate(d.effectiveFrom)}.`,
      path: portalPath("billing", null),
    }),
    email: {
      subject: (d) => `Your billing currency is now ${d.currency}`,
      preheader: (d) =>
        `${d.previousCurrency} is no longer offered; ${d.currency} applies from ${formatDate(d.effectiveFrom)}.`,
    },
    example: { previousCurrency: "USD", currency: "EUR", effectiveFrom: "2026-12-01" },
  }),
};
