// Sample recipient context for `PreviewProps` (React Email preview and the render tests).
import type { EmailContext } from "../../lib/email/types";
import { catalog, type NotificationType } from "../../lib/notifications/catalog";

export function previewContext(type: NotificationType, overrides: Partial<EmailContext> = {}): EmailContext {
  const definition = catalog[type];
  const path = (definition.render as (data: unknown) => { path: string | null })(
    definition.schema.parse(definition.example),
  ).path;
  return {
    brand: { name: "Contoso Reseller", logoUrl: null, primaryColor: "#2563eb" },
    recipientName: "Alice Adatum",
    role: "to",
    why: "You receive this as the primary contact of Adatum Corporation.",
    typeLabel: definition.label,
    critical: definition.critical,
    actionUrl: path ? `https://portal.example.com${path}` : null,
    settingsUrl: "https://notifications.example.com/settings/notifications",
    unsubscribeUrl: "https://notifications.example.com/unsubscribe?token=preview",
    ...overrides,
  };
}

/** The catalog's example payload, parsed as the schema would (output type). */
export function previewData<T extends NotificationType>(type: T) {
  return catalog[type].schema.parse(
    catalog[type].example,
  ) as import("../../lib/notifications/catalog").NotificationData<T>;
}
