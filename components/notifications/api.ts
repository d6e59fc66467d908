// Browser-side calls to the inbox API. Errors throw an ApiError carrying the server's code and
// message so callers can roll back and say what went wrong.
import type { NotificationItem } from "@/lib/notifications/item";
import { apiRequest } from "@/lib/api/client";

export type InboxStatus = "all" | "unread" | "archived" | "snoozed";

export interface InboxPage {
  items: NotificationItem[];
  nextCursor: string | null;
  unreadCount: number;
}

export function fetchPage(params: {
  status: InboxStatus;
  category?: string | null;
  cursor?: string | null;
  limit?: number;
}) {
  const query = new URLSearchParams({ status: params.status });
  if (params.category) query.set("category", params.category);
  if (params.cursor) query.set("cursor", params.cursor);
  if (params.limit) query.set("limit", String(params.limit));
  return apiRequest<InboxPage>(`/api/notifications?${query}`);
}

export async function fetchUnreadCount() {
  return (await apiRequest<{ count: number }>("/api/notifications/unread-count")).count;
}

export interface ItemPatch {
  read?: boolean;
  archived?: boolean;
  /** ISO time: snoozed until then; null: back now. */
  snoozedUntil?: string | null;
}

export function patchNotification(id: string, change: ItemPatch) {
  return apiRequest<NotificationItem>(`/api/notifications/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body: JSON.stringify(change),
  });
}

export function postReadAll(category?: string | null) {
  return apiRequest<{ updated: number }>("/api/notifications/read-all", {
    method: "POST",
    body: JSON.stringify(category ? { category } : {}),
  });
}
