// Words for the delivery trail: how a recipient was chosen and which preference decided.
import type { ChannelDecision } from "@/lib/preferences/resolve";
import type { RecipientSource } from "@/lib/notifications/trail";

const viaLabels: Record<RecipientSource, string> = {
  actor: "the event's actor",
  "customer.primary": "customer's primary contact",
  "customer.billing": "customer's billing contact",
  "customer.admins": "an admin of the customer",
  "reseller.primary": "reseller's primary contact",
  "reseller.billing": "reseller's billing contact",
  "reseller.account_managers": "an account manager of the reseller",
  "distributor.primary": "distributor's primary contact",
  "vendor.primary": "vendor's primary contact",
  explicit: "named in recipients.userIds",
  explicit_email: "named in recipients.emails",
  role: "a role named by a recipient rule",
  user: "named by a recipient rule",
  email: "an address named by a recipient rule",
};

export function describeVia(source: RecipientSource) {
  return viaLabels[source] ?? source;
}

export function describePreference(preference: ChannelDecision | undefined) {
  if (!preference) return null;
  const state = preference.enabled ? "on" : "off";
  switch (preference.source) {
    case "critical":
      return "Critical type: in-app is always on";
    case "user":
      return `The user's own setting: ${state}`;
    case "organization": {
      const who = preference.sourceName ?? preference.sourceOrganizationId ?? "an organization";
      return preference.locked ? `Locked ${state} by ${who}` : `${who}'s setting: ${state}`;
    }
    default:
      return `Catalog default: ${state}${preference.locked ? " (locked)" : ""}`;
  }
}
