// Turning decisions into API items and explaining why a cell cannot change.
import { catalog, channels, notificationTypes, type Channel, type NotificationType } from "@/lib/notifications/catalog";
import type { Decision } from "./decide";
import type { PreferenceItem } from "./items";
import { channelLabels } from "./labels";

export { channelLabels };

/** Every cell in display order: types in catalog order, in-app before email. */
export function allCells(
  types: readonly NotificationType[] = notificationTypes,
): { type: NotificationType; channel: Channel }[] {
  return types.flatMap((type) => channels.map((channel) => ({ type, channel })));
}

export function toPreferenceItem(type: NotificationType, channel: Channel, decision: Decision): PreferenceItem {
  return {
    type,
    category: catalog[type].category,
    channel,
    enabled: decision.enabled,
    locked: decision.locked,
    source: decision.source,
    ...(decision.sourceName ? { sourceName: decision.sourceName } : {}),
    ...(decision.lockedByName ? { lockedBy: decision.lockedByName } : {}),
  };
}

/** Why a locked decision cannot be changed, naming the lock's owner; null when it can. */
export function lockReason(type: NotificationType, channel: Channel, decision: Decision): string | null {
  const cell = `${channelLabels[channel]} for “${catalog[type].label}”`;
  if (decision.source === "critical") return `${cell} is always on: this notification is critical`;
  if (decision.locked) return `Locked by ${decision.lockedByName}: ${cell} cannot be changed`;
  return null;
}
