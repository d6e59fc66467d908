// What each cell says about where its value comes from. Client-safe, pure.
import { catalog, type Channel, type NotificationType } from "@/lib/notifications/catalog";
import { channelLabels } from "@/lib/preferences/labels";
import type { OrganizationSettingItem, PreferenceItem } from "@/lib/preferences/items";

/** The accessible name of a cell's control: "Email for Renewal failed". */
export function cellName(type: NotificationType, channel: Channel) {
  return `${channelLabels[channel]} for ${catalog[type].label}`;
}

/** "Default", "Set by Contoso Reseller", "Your choice", "Locked by …", "Always on (critical)". */
export function userSourceText(item: PreferenceItem): string {
  if (item.source === "critical") return "Always on: critical";
  if (item.locked) return `Locked by ${item.lockedBy ?? item.sourceName ?? "your organization"}`;
  if (item.source === "user") return "Your choice";
  if (item.source === "organization") return `Set by ${item.sourceName}`;
  return "Default";
}

/** Why a disabled cell cannot change, for the tooltip and screen readers. */
export function lockExplanation(item: { source: string; lockedBy?: string }, who = "you"): string {
  if (item.source === "critical") return "Critical notifications are always delivered in-app.";
  return `${item.lockedBy} locked this setting, so ${who} cannot change it.`;
}

const onOff = (enabled: boolean) => (enabled ? "On" : "Off");

/** Where an organization's inherited value comes from: "On · Default", "Off · Northwind Distribution". */
export function inheritedText(item: OrganizationSettingItem): string {
  const from =
    item.inherited.source === "organization"
      ? item.inherited.sourceName
      : item.inherited.source === "critical"
        ? "critical"
        : "default";
  return `${onOff(item.inherited.enabled)} (${from})`;
}
