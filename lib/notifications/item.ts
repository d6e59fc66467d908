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
  /** Present when the query selected `event: { select: { externalId: true } }`. */
  event?: { externalId: string };
}

export interface ItemExtras {
  /** The platform's event id (Event.externalId); ingest knows it, so it need not join. */
  eventId?: string;
  email?: { status: string; at: string };
}

/**
 * Row → browser item. `eventId` is the platform's id, not our Event.id: pass it in `extras`
 * (ingest) or select `event.externalId` with the row (the inbox queries).
 */
export function toNotificationItem(row: NotificationRow, extras: ItemExtras = {}): NotificationItem {
  const eventId = extras.eventId ?? row.event?.externalId;
  if (eventId === undefined) throw new Error(`toNotificationItem: no eventId for notification ${row.id}`);
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
    critical: row.critical,
    reason: row.reason,
    ...(row.actorName ? { actor: { name: row.actorName } } : {}),
    ...(extras.email ? { email: extras.email } : {}),
  };
}
