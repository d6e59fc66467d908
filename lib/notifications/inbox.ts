// The inbox: a user's notifications, newest first, with keyset pagination on (createdAt, id),
// unread counts and read/archive state. Plain async functions; the routes and pages call them.
//
// Status: "all" is every notification that is not archived, "unread" is unread and not archived,
// "archived" is archived (read or not). The unread count is the size of the "unread" set, so
// archiving an unread item takes it off the badge.
import { db, sql, utcTimestamp } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { categoryKeys, type Category } from "@/lib/notifications/catalog";
import { toNotificationItem, type NotificationItem, type NotificationRow } from "@/lib/notifications/item";
import { decodeCursor, encodeCursor, type CursorPosition } from "@/lib/notifications/inbox-cursor";

export const inboxStatuses = ["all", "unread", "archived"] as const;
export type InboxStatus = (typeof inboxStatuses)[number];

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

// The columns of a browser item, with the platform's event id (Event.externalId). Timestamps are
// stored without a zone, in UTC: read back as timestamptz so the driver makes the right Date.
const ITEM_COLUMNS = `n.id, n.type, n.category, n.title, n.body, n.url, n.reason, n.critical, n."actorName",
  n."createdAt" AT TIME ZONE 'UTC' AS "createdAt", n."readAt" AT TIME ZONE 'UTC' AS "readAt",
  n."archivedAt" AT TIME ZONE 'UTC' AS "archivedAt", e."externalId"`;

type ItemRow = NotificationRow & { externalId: string; emailStatus?: string | null; emailAt?: Date | null };
const toItem = ({ externalId, emailStatus, emailAt, ...row }: ItemRow) =>
  toNotificationItem(row, {
    eventId: externalId,
    email: emailStatus && emailAt ? { status: emailStatus, at: emailAt.toISOString() } : undefined,
  });

/** Each tab's rows, as SQL on the alias `n` (the definitions above, in one place). */
export const statusFilter: Record<InboxStatus, string> = {
  all: `n."archivedAt" IS NULL`,
  unread: `n."readAt" IS NULL AND n."archivedAt" IS NULL`,
  archived: `n."archivedAt" IS NOT NULL`,
};

export interface Query {
  text: string;
  values: unknown[];
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
  const values: unknown[] = [userId, category ? [category] : categoryKeys, take];
  if (after) values.push(utcTimestamp(after.createdAt), after.id);
  const text = `
  SELECT ${ITEM_COLUMNS}, d.status AS "emailStatus", d.at AS "emailAt"
  FROM (
    SELECT n.* FROM unnest($2::text[]) AS c(category)
    CROSS JOIN LATERAL (
      SELECT * FROM "Notification" n
      WHERE n."userId" = $1 AND n.category = c.category AND ${statusFilter[status]}
        ${after ? `AND n."createdAt" <= $4::timestamp AND (n."createdAt" < $4::timestamp OR n.id < $5)` : ""}
      ORDER BY n."createdAt" DESC, n.id DESC
      LIMIT $3
    ) n
    ORDER BY n."createdAt" DESC, n.id DESC
    LIMIT $3
  ) n
  JOIN "Event" e ON e.id = n."eventId"
  -- "Emailed 10:02 · delivered": the latest delivery of each item on the page.
  LEFT JOIN LATERAL (
    SELECT d.status, coalesce(d."sentAt", d."updatedAt") AT TIME ZONE 'UTC' AS at FROM "EmailDelivery" d
    WHERE d."notificationId" = n.id ORDER BY d."createdAt" DESC, d.id DESC LIMIT 1
  ) d ON true
  ORDER BY n."createdAt" DESC, n.id DESC`;
  return { text, values, name: `inbox_page_${status}${after ? "_after" : ""}` };
}

/** The unread count (the badge), within a category when one is given: from the unread index alone. */
export function unreadCountQuery(userId: string, category?: Category): Query {
  return {
    text: `SELECT count(*)::int AS count FROM "Notification" n WHERE n."userId" = $1 AND ${statusFilter.unread} ${category ? "AND n.category = $2" : ""}`,
    values: category ? [userId, category] : [userId],
    name: category ? "inbox_unread_category" : "inbox_unread",
  };
}

export interface ListParams {
  userId: string;
  status?: InboxStatus;
  category?: Category;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string | null;
  limit?: number;
}

export interface InboxPage {
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
  const { text, values, name } = inboxPageQuery(userId, status, category, after, limit + 1);
  const [rows, unreadCount] = await Promise.all([sql<ItemRow>(text, values, name), countUnread({ userId, category })]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    unreadCount,
  };
}

export async function countUnread({ userId, category }: { userId: string; category?: Category }): Promise<number> {
  const { text, values, name } = unreadCountQuery(userId, category);
  const [row] = await sql<{ count: number }>(text, values, name);
  return row!.count;
}

export interface UpdateParams {
  userId: string;
  id: string;
  read?: boolean;
  archived?: boolean;
}

/** Sets read/archived state. Another user's (or an unknown) id is a 404, never a 403. */
export async function updateNotification({ userId, id, read, archived }: UpdateParams): Promise<NotificationItem> {
  // Keeps the first read/archive time when the state does not change.
  const [row] = await sql<ItemRow>(
    `UPDATE "Notification" n SET
       "readAt" = CASE WHEN $3::boolean IS NULL OR $3 = (n."readAt" IS NOT NULL) THEN n."readAt" WHEN $3 THEN $5::timestamp END,
       "archivedAt" = CASE WHEN $4::boolean IS NULL OR $4 = (n."archivedAt" IS NOT NULL) THEN n."archivedAt" WHEN $4 THEN $5::timestamp END
     FROM "Event" e
     WHERE n.id = $1 AND n."userId" = $2 AND e.id = n."eventId"
     RETURNING ${ITEM_COLUMNS}`,
    [id, userId, read ?? null, archived ?? null, utcTimestamp(new Date())],
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
    where: { userId, readAt: null, archivedAt: null, ...(category ? { category } : {}) },
    data: { readAt: new Date() },
    select: { id: true, readAt: true, archivedAt: true },
  });
}
