import type { LinkKind } from "./define";

// Collections whose pages are addressed by an entity id; catalog and billing are single pages.
const collections: Record<Exclude<LinkKind, "catalog" | "billing">, string> = {
  order: "/orders",
  offer: "/offers",
  subscription: "/subscriptions",
  proposal: "/proposals",
  quote: "/quotes",
  organization: "/organizations",
};

/**
 * Path of an action link under PORTAL_BASE_URL, e.g. portalPath("order", "ord_1") → "/orders/ord_1".
 * Without an id it points at the collection ("/subscriptions") rather than at a broken page.
 */
export function portalPath(link: LinkKind, id: string | null): string {
  if (link === "catalog") return "/catalog";
  if (link === "billing") return "/billing";
  const base = collections[link];
  return id ? `${base}/${encodeURIComponent(id)}` : base;
}
