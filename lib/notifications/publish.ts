// After commit, tells each recipient's browser: `notification:new` with the item, then the new
// unread count. Runs off the request path so the platform's response does not wait for it.
import { sql } from "@/lib/db";
import { toNotificationItem, type NotificationRow } from "@/lib/notifications/item";
import { emitToUser, getRealtimeServer } from "@/lib/realtime/emit";

export interface Published {
  /** The platform's event id. */
  eventId: string;
  notifications: (NotificationRow & { userId: string })[];
}

async function unreadCounts(userIds: string[]) {
  const rows = await sql<{ userId: string; count: number }>(
    `SELECT "userId", count(*)::int AS count FROM "Notification"
     WHERE "userId" = ANY($1::text[]) AND "readAt" IS NULL AND "archivedAt" IS NULL
     GROUP BY "userId"`,
    [userIds],
  );
  return new Map(rows.map((r) => [r.userId, r.count]));
}

// Unread counts are read for everyone who got something in the last few milliseconds with one
// query, not one per event: under a steady stream of events that is most of the database work here.
const COUNT_WINDOW_MS = 10;
const pendingCounts = new Set<string>();
let countTimer: NodeJS.Timeout | undefined;

async function flushCounts() {
  countTimer = undefined;
  const userIds = [...pendingCounts];
  pendingCounts.clear();
  try {
    const counts = await unreadCounts(userIds);
    for (const userId of userIds) emitToUser(userId, "notifications:unread-count", { count: counts.get(userId) ?? 0 });
  } catch (error) {
    // Counts are hints: clients refetch on reconnect, so a failure here loses nothing.
    console.error("unread count after ingest failed", error);
  }
}

export function publishNotifications(events: Published[]) {
  if (!getRealtimeServer()) return;
  setImmediate(() => {
    for (const event of events) {
      for (const notification of event.notifications) {
        emitToUser(notification.userId, "notification:new", toNotificationItem(notification, { eventId: event.eventId }));
        pendingCounts.add(notification.userId);
      }
    }
    countTimer ??= setTimeout(() => void flushCounts(), COUNT_WINDOW_MS);
  });
}
