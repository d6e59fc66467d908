// The realtime protocol: one room per user and a handful of named events. Clients treat every
// event as a hint and stay correct without them (they refetch on reconnect).
import type { NotificationItem } from "@/lib/notifications/item";

export interface ServerToClientEvents {
  "notification:new": (notification: NotificationItem) => void;
  /** A snooze change carries `snoozedUntil` and the whole item (a tab that does not hold it can add it). */
  "notification:updated": (update: {
    id: string;
    readAt: string | null;
    archivedAt: string | null;
    snoozedUntil?: string | null;
    item?: NotificationItem;
  }) => void;
  "notifications:unread-count": (payload: { count: number }) => void;
}

export type ClientToServerEvents = Record<string, never>;

export const userRoom = (userId: string) => `user:${userId}`;
