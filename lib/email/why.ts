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

/** How each user recipient of an event was chosen (the first way), from its stored trail. */
export function recipientSources(trail: unknown): Map<string, RecipientSource> {
  const sources = new Map<string, RecipientSource>();
  for (const entry of unpackTrail(trail)) {
    const source = entry.via?.[0];
    if (entry.userId && source && !sources.has(entry.userId)) sources.set(entry.userId, source);
  }
  return sources;
}

/** `sources` (from recipientSources) saves unpacking a large trail once per recipient. */
export function whyText(params: {
  role: "to" | "cc";
  userId: string | null;
  trail?: unknown;
  sources?: Map<string, RecipientSource>;
  reason?: string | null;
}): string {
  if (!params.userId) return plainAddressWhy;
  const source = (params.sources ?? recipientSources(params.trail)).get(params.userId);
  const phrase = source ? phrases[source] : undefined;
  if (phrase) return params.role === "cc" ? `You are copied as ${phrase}.` : `You receive this as ${phrase}.`;
  if (params.reason) return `${params.reason.replace(/[.]$/, "")}.`;
  return params.role === "cc"
    ? "You are copied because of your role in your organization."
    : "You receive this because of your role in your organization.";
}
