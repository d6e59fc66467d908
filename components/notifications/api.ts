// Browser-side calls to the inbox API. Errors throw an ApiError carrying the server's code and
// message so callers can roll back and say what went wrong.
import type { NotificationItem } from "@/lib/notifications/item";

export type InboxStatus = "all" | "unread" | "archived";

export interface InboxPage {
  items: NotificationItem[];
  nextCursor: string | null;
  unreadCount: number;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, cache: "no-store", headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}) } });
  } catch {
    throw new ApiError(0, "network_error", "You seem to be offline. Check your connection and try again.");
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, json?.error?.code ?? "unknown", json?.error?.message ?? `Request failed (${response.status})`);
  }
  return json as T;
}

export function fetchPage(params: { status: InboxStatus; category?: string | null; cursor?: string | null; limit?: number }) {
  const query = new URLSearchParams({ status: params.status });
  if (params.category) query.set("category", params.category);
  if (params.cursor) query.set("cursor", params.cursor);
  if (params.limit) query.set("limit", String(params.limit));
  return request<InboxPage>(`/api/notifications?${query}`);
}

export async function fetchUnreadCount() {
  return (await request<{ count: number }>("/api/notifications/unread-count")).count;
}

export function patchNotification(id: string, change: { read?: boolean; archived?: boolean }) {
  return request<NotificationItem>(`/api/notifications/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(change) });
}

export function postReadAll(category?: string | null) {
  return request<{ updated: number }>("/api/notifications/read-all", { method: "POST", body: JSON.stringify(category ? { category } : {}) });
}
