"use client";

import Link from "next/link";
import { CheckCheck, X } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { NotificationList } from "@/components/notifications/notification-list";
import { ListEmpty, ListError, ListLoading } from "@/components/notifications/list-states";
import { useNotificationList } from "@/components/notifications/use-notification-list";
import { useRealtime } from "@/components/notifications/use-realtime";

const VIEW = { status: "all" } as const;

/** The bell's content: newest notifications, "Mark all as read" and "View all". */
export function NotificationPanel({
  onClose,
  headingId,
  wrapTitle = (title) => title,
}: {
  onClose: () => void;
  headingId: string;
  /** Lets a dialog make this heading its title. */
  wrapTitle?: (title: React.ReactElement) => React.ReactNode;
}) {
  const { unreadCount } = useRealtime();
  const list = useNotificationList(VIEW, { limit: 10 });
  return (
    <div className="flex max-h-full min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        {wrapTitle(
          <h2 id={headingId} className="flex-1 text-base font-semibold">
            Notifications
          </h2>,
        )}
        <button
          type="button"
          onClick={() => void list.markAllRead()}
          disabled={unreadCount === 0}
          className={buttonClass("ghost", "px-2 py-1 text-xs disabled:opacity-50")}
        >
          <CheckCheck aria-hidden className="size-4" /> Mark all as read
        </button>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close notifications"
          className={buttonClass("ghost", "p-1.5 sm:hidden")}
        >
          <X aria-hidden className="size-4" />
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-1">
        {list.status === "loading" && list.items.length === 0 ? (
          <ListLoading />
        ) : list.status === "error" ? (
          <ListError message={list.error} onRetry={() => void list.reload()} />
        ) : list.items.length === 0 ? (
          <ListEmpty
            title="You're all caught up"
            hint="New notifications about your orders, subscriptions and more appear here as they happen."
          />
        ) : (
          <NotificationList items={list.items} actions={list} label="Latest notifications" compact />
        )}
      </div>
      <div className="border-t border-zinc-200 p-2 dark:border-zinc-800">
        <Link href="/inbox" onClick={onClose} className={buttonClass("ghost", "w-full")}>
          View all
        </Link>
      </div>
    </div>
  );
}
