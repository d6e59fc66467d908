// The inbox: a user's notifications, newest first, with keyset pagination on (createdAt, id),
// unread counts and read/archive state. Plain async functions; the routes and pages call them.
//
// Status: "all" is every notification that is not archived, "unread" is unread and not archived,
// "archived" is archived (read or not), "snoozed" is snoozed; a snoozed notification is in no other
// tab. The unread count is the size of the "unread" set, so archiving or snoozing an unread item
// takes it off the badge.
import { db, empty, query, sql, utcTimestamp, type Sql } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { categoryKeys, type Category } from "@/lib/notifications/catalog";
import { toNotificationItem, type NotificationItem, type NotificationRow } from "@/lib/notifications/item";
import { decodeCursor, encodeCursor, type CursorPosition } from "@/lib/notifications/inbox-cursor";

export const inboxStatuses = ["all", "unread", "archived", "snoozed"] as const;
export type InboxStatus = (typeof inboxStatuses)[number];

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

// The columns of a browser item, with the platform's event id (Event.externalId). Timestamps are
// stored without a zone, in UTC: read back as timestamptz so the driver makes the right Date.
export const ITEM_COLUMNS = sql`n.id, n.type, n.category, n.title, n.body, n.url, n.reason, n.critical, n."actorName",
  n."createdAt" AT TIME ZONE 'UTC' AS "createdAt", n."readAt" AT TIME ZONE 'UTC' AS "readAt",
  n."archivedAt" AT TIME ZONE 'UTC' AS "archivedAt", n."snoozedUntil" AT TIME ZONE 'UTC' AS "snoozedUntil", e."externalId"`;

export type ItemRow = NotificationRow & { externalId: string; emailStatus?: string | null; emailAt?: Date | null };
export const toItem = ({ externalId, emailStatus, emailAt, ...row }: ItemRow) =>
  toNotificationItem(row, {
    eventId: externalId,
    email: emailStatus && emailAt ? { status: emailStatus, at: emailAt.toISOString() } : undefined,
  });

/**
 * Each tab's rows, as SQL on the alias `n` (the definitions above, in one place). Each is the
 * predicate of the tab's partial index (migrations lean_notifications, notification_snooze).
 */
export const statusFilter: Record<InboxStatus, Sql> = {
  all: sql`n."archivedAt" IS NULL AND n."snoozedUntil" IS NULL`,
  unread: sql`n."readAt" IS NULL AND n."archivedAt" IS NULL AND n."snoozedUntil" IS NULL`,
  archived: sql`n."archivedAt" IS NOT NULL AND n."snoozedUntil" IS NULL`,
  snoozed: sql`n."snoozedUntil" IS NOT NULL`,
};

export interface Query {
  statement: Sql;
  /** A prepared statement's name: one per distinct text. */
  name: string;
}

/**
 * A page of a tab, newest first, after the cursor position. Each tab has an index on (userId,
 * category, createdAt DESC, id DESC) (migration lean_notifications): the page is read per
 * category, at most `take` rows from each, and the newest `take` of those win; only then are the
 * events and email statuses joined. The cursor's `<=` bound starts each range at the cursor; the
 * OR only resolves ties. Exported for the benchmark and scripts/explain-inbox.ts, which time and
 * explain the very same SQL.
 */
export function inboxPageQuery(
  userId: string,
  status: InboxStatus,
  category: Category | undefined,
  after: CursorPosition | null,
  take: number,
): Query {
  const categories = category ? [category] : categoryKeys;
  const afterCursor = after
    ? sql`AND n."createdAt" <= ${utcTimestamp(after.createdAt)}::timestamp
          AND (n."createdAt" < ${utcTimestamp(after.createdAt)}::timestamp OR n.id < ${after.id})`
    : empty;
  const statement = sql`
  SELECT ${ITEM_COLUMNS}, d.status AS "emailStatus", d.at AS "emailAt"
  FROM (
    SELECT n.* FROM unnest(${categories}::text[]) AS c(category)
    CROSS JOIN LATERAL (
      SELECT * FROM "Notification" n
      WHERE n."userId" = ${userId} AND n.category = c.category AND ${statusFilter[status]} ${afterCursor}
      ORDER BY n."createdAt" DESC, n.id DESC
      LIMIT ${take}
    ) n
    ORDER BY n."createdAt" DESC, n.id DESC
    LIMIT ${take}
  ) n
  JOIN "Event" e ON e.id = n."eventId"
  -- "Emailed 10:02 · delivered": the latest delivery of each item on the page.
  LEFT JOIN LATERAL (
    SELECT d.status, coalesce(d."sentAt", d."updatedAt") AT TIME ZONE 'UTC' AS at FROM "EmailDelivery" d
    WHERE d."notificationId" = n.id ORDER BY d."createdAt" DESC, d.id DESC LIMIT 1
  ) d ON true
  ORDER BY n."createdAt" DESC, n.id DESC`;
  return { statement, name: `inbox_page_${status}${after ? "_after" : ""}` };
}

/** The unread count (the badge), within a category when one is given: from the unread index alone. */
export function unreadCountQuery(userId: string, category?: Category): Query {
  return {
    statement: sql`SELECT count(*)::int AS count FROM "Notification" n
                   WHERE n."userId" = ${userId} AND ${statusFilter.unread} ${category ? sql`AND n.category = ${category}` : empty}`,
    name: category ? "inbox_unread_category" : "inbox_unread",
  };
}

interface ListParams {
  userId: string;
  status?: InboxStatus;
  category?: Category;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string | null;
  limit?: number;
}

interface InboxPage {
  items: NotificationItem[];
  nextCursor: string | null;
  /** Unread (and not archived) count, within `category` when one is given. */
  unreadCount: number;
}

export async function listNotifications({
  userId,
  status = "all",
  category,
  cursor,
  limit = DEFAULT_PAGE_SIZE,
}: ListParams): Promise<InboxPage> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new AppError("validation_failed", `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`, [
      { path: "limit", message: "Out of range" },
    ]);
  }
  const after = cursor ? decodeCursor(cursor) : null;
  // One extra row tells whether there is a next page without a count query.
  const page = inboxPageQuery(userId, status, category, after, limit + 1);
  const [rows, unreadCount] = await Promise.all([
    query<ItemRow>(page.statement, page.name),
    countUnread({ userId, category }),
  ]);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    unreadCount,
  };
}

export async function countUnread({ userId, category }: { userId: string; category?: Category }): Promise<number> {
  const { statement, name } = unreadCountQuery(userId, category);
  const [row] = await query<{ count: number }>(statement, name);
  return row!.count;
}

interface UpdateParams {
  userId: string;
  id: string;
  read?: boolean;
  archived?: boolean;
  /** A time: snoozed until then; null: back now, as it was. */
  snoozedUntil?: Date | null;
}

/** Sets read/archived/snoozed state. Another user's (or an unknown) id is a 404, never a 403. */
export async function updateNotification({
  userId,
  id,
  read,
  archived,
  snoozedUntil,
}: UpdateParams): Promise<NotificationItem> {
  // Keeps the first read/archive time when the state does not change.
  const [row] = await query<ItemRow>(
    sql`WITH change AS (
          SELECT ${read ?? null}::boolean AS read, ${archived ?? null}::boolean AS archived, ${utcTimestamp(new Date())}::timestamp AS at,
                 ${snoozedUntil !== undefined}::boolean AS snooze, ${snoozedUntil ? utcTimestamp(snoozedUntil) : null}::timestamp AS until
        )
        UPDATE "Notification" n SET
          "readAt" = CASE WHEN c.read IS NULL OR c.read = (n."readAt" IS NOT NULL) THEN n."readAt" WHEN c.read THEN c.at END,
          "archivedAt" = CASE WHEN c.archived IS NULL OR c.archived = (n."archivedAt" IS NOT NULL) THEN n."archivedAt" WHEN c.archived THEN c.at END,
          "snoozedUntil" = CASE WHEN c.snooze THEN c.until ELSE n."snoozedUntil" END
        FROM "Event" e, change c
        WHERE n.id = ${id} AND n."userId" = ${userId} AND e.id = n."eventId"
        RETURNING ${ITEM_COLUMNS}`,
  );
  if (!row) throw new AppError("not_found", "Notification not found");
  return toItem(row);
}

export interface StateChange {
  id: string;
  readAt: Date | null;
  archivedAt: Date | null;
}

/** Marks every unread, unarchived notification read (within a category when given). */
export async function markAllRead({
  userId,
  category,
}: {
  userId: string;
  category?: Category;
}): Promise<StateChange[]> {
  return db.notification.updateManyAndReturn({
    where: { userId, readAt: null, archivedAt: null, snoozedUntil: null, ...(category ? { category } : {}) },
    data: { readAt: new Date() },
    select: { id: true, readAt: true, archivedAt: true },
  });
}
