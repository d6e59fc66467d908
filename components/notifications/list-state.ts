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

/** Whether a (new) item belongs in this view. A snoozed item is in the Snoozed view only. */
export function belongsTo(item: NotificationItem, view: ListView): boolean {
  if (view.category && item.category !== view.category) return false;
  if (view.status === "snoozed" || item.snoozedUntil) return view.status === "snoozed" && Boolean(item.snoozedUntil);
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
  if (view.status === "snoozed" || item.snoozedUntil) return view.status === "snoozed" && Boolean(item.snoozedUntil);
  return view.status === "archived" ? item.archivedAt !== null : item.archivedAt === null;
}

export interface HeldList {
  items: NotificationItem[];
  nextCursor: string | null;
}

/**
 * Merges a catch-up (pages fetched from the top after a reconnect) into the held list.
 * `overlap`: the fetched pages reached an item we hold; `nextCursor`: more pages follow them.
 * `keepLocal(id)`: this item changed here after the fetch started, so our copy is newer.
 */
export function reconcile(
  held: HeldList,
  fetched: HeldList & { overlap: boolean },
  keepLocal: (id: string) => boolean,
  view: ListView,
): HeldList {
  // Too far behind to stitch: start over from the fresh pages (plus what arrived meanwhile).
  if (!fetched.overlap && fetched.nextCursor) {
    return {
      items: mergeItems(
        fetched.items,
        held.items.filter((item) => keepLocal(item.id)),
      ),
      nextCursor: fetched.nextCursor,
    };
  }
  // Within the fetched range the server is the truth (held items missing from it left the view
  // elsewhere); older held items stay as they are.
  const fetchedIds = new Set(fetched.items.map((item) => item.id));
  const oldest = fetched.items[fetched.items.length - 1];
  const olderThanFetched = (item: NotificationItem) =>
    fetched.nextCursor !== null && oldest !== undefined && newestFirst(item, oldest) > 0;
  const kept = held.items.filter((item) => fetchedIds.has(item.id) || keepLocal(item.id) || olderThanFetched(item));
  const local = new Map(held.items.map((item) => [item.id, item]));
  const fresh = fetched.items.map((item) => (keepLocal(item.id) ? (local.get(item.id) ?? item) : item));
  return {
    items: mergeItems(kept, fresh).filter((item) => staysIn(item, view)),
    nextCursor: held.items.length === 0 ? fetched.nextCursor : held.nextCursor,
  };
}
