// The realtime protocol: one room per user and a handful of named events. Clients treat every
// event as a hint and stay correct without them (they refetch on reconnect).
import type { NotificationItem } from "@/lib/notifications/item";

export interface ServerToClientEvents {
  "notification:new": (notification: NotificationItem) => void;
  "notification:updated": (update: { id: string; readAt: string | null; archivedAt: string | null }) => void;
  "notifications:unread-count": (payload: { count: number }) => void;
}

export type ClientToServerEvents = Record<string, never>;

export const userRoom = (userId: string) => `user:${userId}`;
