// Words for recipient rules, for the editor, the preview, the history and the delivery trail.
// Client-safe.
import type { AudienceToken } from "@/lib/notifications/catalog";
import type { Recipient, RecipientOrgKind, Rule, RuleField } from "./schemas";
import type { RuleChoice } from "./resolve";

export const tokenLabels: Record<AudienceToken, string> = {
  actor: "The user involved in the event",
  "customer.primary": "Customer's primary contact",
  "customer.billing": "Customer's billing contact",
  "customer.admins": "Every admin of the customer",
  "reseller.primary": "Reseller's primary contact",
  "reseller.billing": "Reseller's billing contact",
  "reseller.account_managers": "Every account manager of the reseller",
  "distributor.primary": "Distributor's primary contact",
  "vendor.primary": "Vendor's primary contact",
};

export const roleLabels: Record<string, string> = {
  admin: "admin",
  account_manager: "account manager",
  billing_admin: "billing admin",
  member: "member",
};

export const orgKindLabels: Record<RecipientOrgKind, string> = {
  customer: "customer",
  reseller: "reseller",
  distributor: "distributor",
  vendor: "vendor",
};

export const fieldLabels: Record<RuleField, string> = { to: "To", cc: "Cc", bcc: "Bcc" };

/** One entry in words; `names` maps user ids to names where known. */
export function describeRecipient(entry: Recipient, names?: ReadonlyMap<string, string>): string {
  if ("token" in entry) return tokenLabels[entry.token] ?? entry.token;
  if ("role" in entry) return `Every ${roleLabels[entry.role] ?? entry.role} of the ${orgKindLabels[entry.of]}`;
  if ("userId" in entry) return names?.get(entry.userId) ?? `User ${entry.userId}`;
  return entry.email;
}

/** "To: …; Cc: …" (empty fields left out), or "Nobody". */
export function summarizeRule(rule: Rule | null, names?: ReadonlyMap<string, string>): string {
  if (!rule) return "Inherited";
  const parts = (["to", "cc", "bcc"] as const)
    .filter((field) => rule[field].length)
    .map((field) => `${fieldLabels[field]}: ${rule[field].map((entry) => describeRecipient(entry, names)).join(", ")}`);
  return parts.length ? parts.join("; ") : "Nobody";
}

/** Which rule chose a recipient, e.g. "Cc by Contoso Reseller's rule: Every billing admin of the customer". */
export function describeChoice(choice: RuleChoice, names?: ReadonlyMap<string, string>): string {
  const what = describeRecipient(choice.entry, names);
  const field = fieldLabels[choice.field];
  if (choice.source === "envelope")
    return "email" in choice.entry
      ? `${field}: named in the event's recipients.emails`
      : `${field}: named in the event's recipients.userIds`;
  if (choice.source === "catalog") return `${field} by the catalog's default: ${what}`;
  return `${field} by ${choice.organizationName ?? choice.organizationId}'s rule: ${what}`;
}
