// The footer's "why you got this" sentence, from how ingest chose the recipient (the event's trail).
import { unpackTrail, type RecipientSource } from "@/lib/notifications/trail";
import { describeRecipient } from "@/lib/recipient-rules/describe";
import type { RuleChoice } from "@/lib/recipient-rules/resolve";

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
  role: "someone with your role",
  user: "a named recipient",
  email: "a named recipient",
};

/** How a recipient was chosen: the first way, and the rule entry that chose their field. */
export interface RecipientSourceInfo {
  via?: RecipientSource;
  rule?: RuleChoice;
}

export const plainAddressWhy = "This address was named by the platform for this event.";

/** How each recipient of an event was chosen, from its stored trail: by user id, or by address for outside addresses. */
export function recipientSources(trail: unknown): Map<string, RecipientSourceInfo> {
  const sources = new Map<string, RecipientSourceInfo>();
  for (const entry of unpackTrail(trail)) {
    const key = entry.userId ?? (entry.address ? `address:${entry.address.toLowerCase()}` : null);
    if (key && !sources.has(key)) sources.set(key, { via: entry.via?.[0], rule: entry.rule });
  }
  return sources;
}

/** `sources` (from recipientSources) saves unpacking a large trail once per recipient. */
export function whyText(params: {
  role: "to" | "cc";
  userId: string | null;
  /** The job's address (outside addresses have no user id). */
  address?: string;
  trail?: unknown;
  sources?: Map<string, RecipientSourceInfo>;
  reason?: string | null;
}): string {
  const sources = params.sources ?? recipientSources(params.trail);
  const info = sources.get(params.userId ?? `address:${params.address?.toLowerCase()}`);
  // Chosen by an organization's recipient rule: say whose settings name them.
  const rule = info?.rule;
  if (rule?.source === "organization") {
    const owner = rule.organizationName ?? "your organization";
    if (!params.userId) return `This address is named in ${owner}'s notification settings.`;
    const who = "role" in rule.entry ? describeRecipient(rule.entry).replace(/^Every /, "every ") : "you";
    return params.role === "cc"
      ? `You are copied because ${owner}'s notification settings name ${who}.`
      : `You receive this because ${owner}'s notification settings name ${who}.`;
  }
  if (!params.userId) return plainAddressWhy;
  const source = info?.via;
  const phrase = source ? phrases[source] : undefined;
  if (phrase) return params.role === "cc" ? `You are copied as ${phrase}.` : `You receive this as ${phrase}.`;
  if (params.reason) return `${params.reason.replace(/[.]$/, "")}.`;
  return params.role === "cc"
    ? "You are copied because of your role in your organization."
    : "You receive this because of your role in your organization.";
}
