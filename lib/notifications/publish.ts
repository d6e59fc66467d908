// After commit, tells each recipient's browser: `notification:new` with the item, then the new
// unread count. Runs off the request path so the platform's response does not wait for it.
// Each event is then marked published (Event.publishedAt, one UPDATE for all the events of a few
// milliseconds): an event still unmarked a few seconds after its commit was stored by an instance
// that died before pushing it, and the sweeper of any instance pushes it (publish-sweeper.ts).
import { query, sql } from "@/lib/db";
import { statusFilter } from "@/lib/notifications/inbox";
import { toNotificationItem, type NotificationRow } from "@/lib/notifications/item";
import { emitToUser, getRealtimeServer } from "@/lib/realtime/emit";
import { EVENT_ID, recordSpan } from "@/lib/observability/tracing";
import type { Context } from "@opentelemetry/api";

export interface Published {
  /** Our Event.id. */
  id: string;
  /** The platform's event id. */
  eventId: string;
  /** The event's trace: its emits are a span there. */
  trace?: Context;
  notifications: (NotificationRow & { userId: string })[];
}

async function unreadCounts(userIds: string[]) {
  const rows = await query<{ userId: string; count: number }>(
    sql`SELECT n."userId", count(*)::int AS count FROM "Notification" n
        WHERE n."userId" = ANY(${userIds}::text[]) AND ${statusFilter.unread}
        GROUP BY n."userId"`,
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

// Published events are marked together, like the counts.
const MARK_WINDOW_MS = 10;
const pendingMarks = new Set<string>();
let markTimer: NodeJS.Timeout | undefined;

async function flushMarks() {
  markTimer = undefined;
  const ids = [...pendingMarks];
  pendingMarks.clear();
  try {
    // LOCALTIMESTAMP: the same clock as receivedAt's column default.
    await query(
      sql`UPDATE "Event" SET "publishedAt" = LOCALTIMESTAMP WHERE id = ANY(${ids}::text[]) AND "publishedAt" IS NULL`,
      "publish_mark",
    );
  } catch (error) {
    // Unmarked, the sweeper pushes them again in a few seconds: a duplicate hint, merged by id.
    console.error(`marking ${ids.length} events published failed: ${(error as Error).message}`);
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
      pendingMarks.add(event.id);
      if (event.trace)
        recordSpan("realtime.emit", event.trace, started, Date.now(), {
          [EVENT_ID]: event.eventId,
          "nc.notifications": event.notifications.length,
        });
    }
    countTimer ??= setTimeout(() => void flushCounts(), COUNT_WINDOW_MS);
    markTimer ??= setTimeout(() => void flushMarks(), MARK_WINDOW_MS);
  })();
}
