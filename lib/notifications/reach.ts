// Which types can reach which kinds of organization, derived from the catalog's audience tokens
// (one list: the preference matrices and the recipient editor both show `typesFor(kind)`).
// Client-safe.
import { catalog, notificationTypes, type AudienceToken, type NotificationType } from "./catalog";

type Kind = "platform" | "distributor" | "reseller" | "customer" | "vendor";

const tokenKinds: Record<AudienceToken, Kind[]> = {
  // The user involved in an event is a buyer or a seller: a customer's or a reseller's user.
  actor: ["customer", "reseller"],
  "customer.primary": ["customer"],
  "customer.billing": ["customer"],
  "customer.admins": ["customer"],
  "reseller.primary": ["reseller"],
  "reseller.billing": ["reseller"],
  "reseller.account_managers": ["reseller"],
  "distributor.primary": ["distributor"],
  "vendor.primary": ["vendor"],
};

// An organization's settings also decide for the organizations beneath it.
const kindsAtOrBeneath: Record<Kind, Kind[]> = {
  platform: ["platform", "distributor", "reseller", "customer", "vendor"],
  distributor: ["distributor", "reseller", "customer"],
  reseller: ["reseller", "customer"],
  customer: ["customer"],
  vendor: ["vendor"],
};

/** The kinds of organization whose users a type's catalog audience reaches. */
function kindsReached(type: NotificationType): Kind[] {
  const { to, cc } = catalog[type];
  return [...new Set([...to, ...cc].flatMap((token) => tokenKinds[token]))];
}

/** The types an organization of this kind (and so its settings pages) deals with, in catalog order. */
export function typesFor(kind: string): NotificationType[] {
  const kinds = kindsAtOrBeneath[kind as Kind] ?? kindsAtOrBeneath.platform;
  return notificationTypes.filter((type) => kindsReached(type).some((reached) => kinds.includes(reached)));
}
