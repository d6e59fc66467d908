// After commit, tells each recipient's browser: `notification:new` with the item, then the new
// unread count. Runs off the request path so the platform's response does not wait for it.
import { sql } from "@/lib/db";
import { statusFilter } from "@/lib/notifications/inbox";
import { toNotificationItem, type NotificationRow } from "@/lib/notifications/item";
import { emitToUser, getRealtimeServer } from "@/lib/realtime/emit";
import { EVENT_ID, recordSpan } from "@/lib/observability/tracing";
import type { Context } from "@opentelemetry/api";

export interface Published {
  /** The platform's event id. */
  eventId: string;
  /** The event's trace: its emits are a span there. */
  trace?: Context;
  notifications: (NotificationRow & { userId: string })[];
}

async function unreadCounts(userIds: string[]) {
  const rows = await sql<{ userId: string; count: number }>(
    `SELECT n."userId", count(*)::int AS count FROM "Notification" n
     WHERE n."userId" = ANY($1::text[]) AND ${statusFilter.unread}
     GROUP BY n."userId"`,
    [userIds],
    "publish_unread_counts",
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

// A large fan-out yields to the event loop between slices, so the platform's response (and other
// requests) are not held up behind thousands of emits.
const EMITS_PER_SLICE = 500;
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export function publishNotifications(events: Published[]) {
  if (!getRealtimeServer() || !events.length) return;
  void (async () => {
    let emitted = 0;
    for (const event of events) {
      const started = Date.now();
      for (const notification of event.notifications) {
        if (emitted++ % EMITS_PER_SLICE === 0) await nextTick();
        emitToUser(
          notification.userId,
          "notification:new",
          toNotificationItem(notification, { eventId: event.eventId }),
        );
        pendingCounts.add(notification.userId);
      }
      if (event.trace)
        recordSpan("realtime.emit", event.trace, started, Date.now(), {
          [EVENT_ID]: event.eventId,
          "nc.notifications": event.notifications.length,
        });
    }
    countTimer ??= setTimeout(() => void flushCounts(), COUNT_WINDOW_MS);
  })();
}
