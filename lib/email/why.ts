// The footer's "why you got this" sentence, from how ingest chose the recipient (the event's trail).
import { unpackTrail, type RecipientSource } from "@/lib/notifications/trail";

const phrases: Record<RecipientSource, string> = {
  actor: "the person who performed this action",
  "customer.primary": "the customer's primary contact",
  "customer.billing": "the customer's billing contact",
  "customer.admins": "an admin of the customer",
  "reseller.primary": "the reseller's primary contact",
  "reseller.billing": "the reseller's billing contact",
  "reseller.account_managers": "an account manager of the reseller",
  "distributor.primary": "the distributor's primary contact",
  "vendor.primary": "the vendor's primary contact",
  explicit: "a recipient named by the platform",
  explicit_email: "a recipient named by the platform",
};

export const plainAddressWhy = "This address was named by the platform for this event.";

export function whyText(params: {
  role: "to" | "cc";
  userId: string | null;
  trail: unknown;
  reason?: string | null;
}): string {
  if (!params.userId) return plainAddressWhy;
  const entries = unpackTrail(params.trail);
  const source = entries.find((entry) => entry.userId === params.userId)?.via?.[0];
  const phrase = source ? phrases[source] : undefined;
  if (phrase) return params.role === "cc" ? `You are copied as ${phrase}.` : `You receive this as ${phrase}.`;
  if (params.reason) return `${params.reason.replace(/[.]$/, "")}.`;
  return params.role === "cc"
    ? "You are copied because of your role in your organization."
    : "You receive this because of your role in your organization.";
}
