// THE notification catalog: every type the platform can send, written down once.
// It drives the zod enum, the TypeScript union, the settings UI, the defaults and the API
// docs. Used by client components too, so nothing here may import server-only code.
import type { z } from "zod";
import type { Category, TypeDefinition } from "./define";
import { catalogTypes } from "./types/catalog";
import { orderTypes } from "./types/orders";
import { organizationTypes } from "./types/organizations";
import { paymentTypes } from "./types/payments";
import { quoteTypes } from "./types/quotes";
import { scheduledOrderTypes } from "./types/scheduled-orders";
import { subscriptionTypes } from "./types/subscriptions";

export {
  audienceTokens,
  categories,
  categoryKeys,
  channels,
  type AudienceToken,
  type Category,
  type Channel,
  type InAppContent,
  type TypeDefinition,
} from "./define";
export { portalPath } from "./portal-path";

// Spread in category display order; key order within each file follows catalog.md.
export const catalog = {
  ...orderTypes,
  ...catalogTypes,
  ...scheduledOrderTypes,
  ...quoteTypes,
  ...subscriptionTypes,
  ...organizationTypes,
  ...paymentTypes,
  // Every entry comes from defineType, so each keeps its own precise schema type.
};

export type NotificationType = keyof typeof catalog;

/** Non-empty tuple so it can feed `z.enum(notificationTypes)`. */
export const notificationTypes = Object.keys(catalog) as [NotificationType, ...NotificationType[]];

export type NotificationData<T extends NotificationType> = z.infer<(typeof catalog)[T]["schema"]>;

export function isNotificationType(type: string): type is NotificationType {
  // Own keys only: "toString" or "__proto__" must not count as types.
  return Object.hasOwn(catalog, type);
}

export function getType(type: string): TypeDefinition<z.ZodType> | undefined {
  return isNotificationType(type) ? (catalog[type] as TypeDefinition<z.ZodType>) : undefined;
}

export function typesInCategory(category: Category): NotificationType[] {
  return notificationTypes.filter((type) => catalog[type].category === category);
}
