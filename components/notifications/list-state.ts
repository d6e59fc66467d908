// Pure helpers for a client-side notification list: ordering, merging by id, and which items a
// view (tab + category) shows. Kept apart from the hook so they stay simple to read and test.
import type { NotificationItem } from "@/lib/notifications/item";
import type { InboxStatus } from "@/components/notifications/api";

export interface ListView {
  status: InboxStatus;
  category?: string | null;
}

/** Newest first, ties broken by id: the server's (createdAt desc, id desc) keyset order. */
export function newestFirst(a: NotificationItem, b: NotificationItem): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

/** Adds or replaces items by id and keeps the order; never duplicates. */
export function mergeItems(current: NotificationItem[], incoming: NotificationItem[]): NotificationItem[] {
  const byId = new Map(current.map((item) => [item.id, item]));
  for (const item of incoming) byId.set(item.id, item);
  return [...byId.values()].sort(newestFirst);
}

/** Whether a (new) item belongs in this view. */
export function belongsTo(item: NotificationItem, view: ListView): boolean {
  if (view.category && item.category !== view.category) return false;
  if (view.status === "archived") return item.archivedAt !== null;
  if (view.status === "unread") return item.archivedAt === null && item.readAt === null;
  return item.archivedAt === null;
}

/**
 * Whether an item already shown stays after a state change. Archiving moves it between tabs;
 * reading it in the Unread tab keeps it in place (shown as read) so the list does not jump
 * under the pointer; it is gone on the next load.
 */
export function staysIn(item: NotificationItem, view: ListView): boolean {
  if (view.category && item.category !== view.category) return false;
  return view.status === "archived" ? item.archivedAt !== null : item.archivedAt === null;
}
