// A notification as the browser sees it (architecture.md, "A Notification as the browser sees it").
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
