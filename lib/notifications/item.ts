// A notification as the browser sees it (architecture.md, "A Notification as the browser sees it"),
// and the one mapping from a stored row to it — used by the inbox API, the pages and the
// `notification:new` payload of ingest, so every path shows the same shape.
import type { Category, NotificationType } from "@/lib/notifications/catalog";

export interface NotificationItem {
  id: string;
  eventId: string;
  type: NotificationType;
  category: Category;
  title: string;
  body: string;
  url: string | null;
  createdAt: string;
  readAt: string | null;
  archivedAt: string | null;
  /** Set while snoozed: when it comes back (absent otherwise). */
  snoozedUntil?: string | null;
  critical: boolean;
  reason: string;
  actor?: { name: string };
  email?: { status: string; at: string };
}

/** The Notification columns the browser shape needs (a full Prisma row satisfies it). */
export interface NotificationRow {
  id: string;
  type: string;
  category: string;
  title: string;
  body: string;
  url: string | null;
  reason: string;
  critical: boolean;
  actorName: string | null;
  createdAt: Date;
  readAt: Date | null;
  archivedAt: Date | null;
  snoozedUntil?: Date | null;
}

interface ItemExtras {
  /** The platform's event id (Event.externalId), not our Event.id. */
  eventId: string;
  email?: { status: string; at: string };
}

/** Row → browser item. */
export function toNotificationItem(row: NotificationRow, { eventId, email }: ItemExtras): NotificationItem {
  return {
    id: row.id,
    eventId,
    // Stored values were produced from the catalog at ingest; the DB column is plain text.
    type: row.type as NotificationType,
    category: row.category as Category,
    title: row.title,
    body: row.body,
    url: row.url,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    ...(row.snoozedUntil ? { snoozedUntil: row.snoozedUntil.toISOString() } : {}),
    critical: row.critical,
    reason: row.reason,
    ...(row.actorName ? { actor: { name: row.actorName } } : {}),
    ...(email ? { email } : {}),
  };
}
