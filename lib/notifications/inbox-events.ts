// Tells the user's other tabs and devices about a state change: one `notification:updated` per
// changed item, then the unread count read back from the database (never a pushed delta).
import { countUnread, type StateChange } from "@/lib/notifications/inbox";
import type { NotificationItem } from "@/lib/notifications/item";
import { emitToUser } from "@/lib/realtime/emit";

// A bulk "mark all read" over more items than this sends only the count; clients that see a
// count of 0 mark what they hold as read, and refetch on their next page load anyway.
const MAX_ITEM_EVENTS = 200;

/** One item changed by the user (PATCH): its new state and the item itself. */
export async function publishItemChange(userId: string, item: NotificationItem) {
  emitToUser(userId, "notification:updated", {
    id: item.id,
    readAt: item.readAt,
    archivedAt: item.archivedAt,
    snoozedUntil: item.snoozedUntil ?? null,
    item,
  });
  emitToUser(userId, "notifications:unread-count", { count: await countUnread({ userId }) });
}

export async function publishStateChanges(userId: string, changes: StateChange[]) {
  if (changes.length <= MAX_ITEM_EVENTS) {
    for (const change of changes) {
      emitToUser(userId, "notification:updated", {
        id: change.id,
        readAt: change.readAt?.toISOString() ?? null,
        archivedAt: change.archivedAt?.toISOString() ?? null,
      });
    }
  }
  emitToUser(userId, "notifications:unread-count", { count: await countUnread({ userId }) });
}
