// The inbox: a user's notifications, newest first, with keyset pagination on (createdAt, id),
// unread counts and read/archive state. Plain async functions; the routes and pages call them.
//
// Status: "all" is every notification that is not archived, "unread" is unread and not archived,
// "archived" is archived (read or not). The unread count is the size of the "unread" set, so
// archiving an unread item takes it off the badge.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Category } from "@/lib/notifications/catalog";
import { toNotificationItem, type NotificationItem } from "@/lib/notifications/item";
import { decodeCursor, encodeCursor } from "@/lib/notifications/inbox-cursor";
import { emailStatusForNotifications } from "@/lib/email/status";

export const inboxStatuses = ["all", "unread", "archived"] as const;
export type InboxStatus = (typeof inboxStatuses)[number];

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

// Selected with every row so toNotificationItem gets the platform's event id without a second query.
const withEventId = { event: { select: { externalId: true } } } as const;

function statusFilter(status: InboxStatus): Prisma.NotificationWhereInput {
  if (status === "unread") return { readAt: null, archivedAt: null };
  if (status === "archived") return { archivedAt: { not: null } };
  return { archivedAt: null };
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

export async function listNotifications({ userId, status = "all", category, cursor, limit = DEFAULT_PAGE_SIZE }: ListParams): Promise<InboxPage> {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new AppError("validation_failed", `limit must be an integer from 1 to ${MAX_PAGE_SIZE}`, [{ path: "limit", message: "Out of range" }]);
  }
  const after = cursor ? decodeCursor(cursor) : null;
  const where: Prisma.NotificationWhereInput = { userId, ...statusFilter(status), ...(category ? { category } : {}) };
  if (after) {
    // (createdAt, id) < (c, i). The `lte` bound becomes an index condition so a deep page starts
    // its scan at the cursor instead of filtering every newer row; the OR only resolves ties.
    where.createdAt = { lte: after.createdAt };
    where.OR = [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }];
  }
  const [rows, unreadCount] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      // One extra row tells whether there is a next page without a count query.
      take: limit + 1,
      include: withEventId,
    }),
    countUnread({ userId, category }),
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  // "Emailed 10:02 · delivered": one query for the whole page.
  const email = await emailStatusForNotifications(page.map((row) => row.id));
  return {
    items: page.map((row) => toNotificationItem(row, { email: email.get(row.id) })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
    unreadCount,
  };
}

export async function countUnread({ userId, category }: { userId: string; category?: Category }): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null, archivedAt: null, ...(category ? { category } : {}) } });
}

export interface UpdateParams {
  userId: string;
  id: string;
  read?: boolean;
  archived?: boolean;
}

/** Sets read/archived state. Another user's (or an unknown) id is a 404, never a 403. */
export async function updateNotification({ userId, id, read, archived }: UpdateParams): Promise<NotificationItem> {
  const current = await db.notification.findFirst({ where: { id, userId }, include: withEventId });
  if (!current) throw new AppError("not_found", "Notification not found");
  const now = new Date();
  const data: Prisma.NotificationUpdateInput = {};
  // Keep the first read/archive time when the state does not change.
  if (read !== undefined && read !== (current.readAt !== null)) data.readAt = read ? now : null;
  if (archived !== undefined && archived !== (current.archivedAt !== null)) data.archivedAt = archived ? now : null;
  if (Object.keys(data).length === 0) return toNotificationItem(current);
  const updated = await db.notification.update({ where: { id: current.id }, data, include: withEventId });
  return toNotificationItem(updated);
}

export interface StateChange {
  id: string;
  readAt: Date | null;
  archivedAt: Date | null;
}

/** Marks every unread, unarchived notification read (within a category when given). */
export async function markAllRead({ userId, category }: { userId: string; category?: Category }): Promise<StateChange[]> {
  return db.notification.updateManyAndReturn({
    where: { userId, readAt: null, archivedAt: null, ...(category ? { category } : {}) },
    data: { readAt: new Date() },
    select: { id: true, readAt: true, archivedAt: true },
  });
}
