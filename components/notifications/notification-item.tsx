"use client";

import { clsx } from "clsx";
import { AlarmClockOff, Archive, ArchiveRestore, ExternalLink, Mail, MailOpen, TriangleAlert } from "lucide-react";
import type { NotificationItem as Item } from "@/lib/notifications/item";
import type { ItemPatch } from "@/components/notifications/api";
import { SnoozeMenu } from "@/components/notifications/snooze-menu";
import { formatOnClock, useUserClock } from "@/components/notifications/user-clock";
import { CategoryIcon } from "@/components/notifications/category-icon";
import { EmailStatus, RelativeTime } from "@/components/notifications/relative-time";

const actionClass =
  "inline-flex items-center gap-1 rounded px-1.5 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

export interface ItemActions {
  update(item: Item, change: ItemPatch): void;
}

/**
 * One notification, an article of the feed: focusable as a whole (Page Up/Down and the arrow keys
 * move between items), named by its title, described by its text, every action a real control.
 */
export function NotificationItem({
  item,
  actions,
  compact = false,
  position,
}: {
  item: Item;
  actions: ItemActions;
  compact?: boolean;
  /** Its place in the feed (1-based) and the feed's size, -1 while unknown. */
  position: { index: number; size: number };
}) {
  const clock = useUserClock();
  const unread = item.readAt === null;
  const snoozedUntil = item.snoozedUntil ? new Date(item.snoozedUntil) : null;
  const titleId = `notification-${item.id}-title`;
  const bodyId = `notification-${item.id}-body`;
  return (
    <article
      tabIndex={0}
      data-notification-item=""
      data-notification-id={item.id}
      data-unread={unread || undefined}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      aria-posinset={position.index}
      aria-setsize={position.size}
      className="group py-0.5 outline-none"
    >
      <div
        className={clsx(
          "relative flex gap-3 rounded-lg px-3 py-3 group-focus-visible:ring-2 group-focus-visible:ring-brand-500",
          unread ? "bg-brand-50/70 dark:bg-brand-700/10" : "bg-transparent",
        )}
      >
        <span
          className={clsx(
            "mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full",
            item.critical
              ? "bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300"
              : "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300",
          )}
        >
          <CategoryIcon category={item.category} className="size-4" />
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex items-start gap-2">
            <h3
              id={titleId}
              className={clsx(
                "min-w-0 flex-1 text-sm",
                unread ? "font-semibold" : "font-medium text-zinc-700 dark:text-zinc-300",
              )}
            >
              {unread && <span className="sr-only">Unread: </span>}
              {item.title}
            </h3>
            {item.critical && (
              <span className="inline-flex shrink-0 items-center gap-1 rounded bg-red-100 px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-red-700 dark:bg-red-950 dark:text-red-300">
                <TriangleAlert aria-hidden className="size-3" /> Critical
              </span>
            )}
            {unread && (
              <span
                aria-hidden
                data-testid="unread-dot"
                className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-600 dark:bg-brand-500"
              />
            )}
          </div>
          <p id={bodyId} className={clsx("mt-0.5 text-sm text-zinc-700 dark:text-zinc-300", compact && "line-clamp-2")}>
            {item.body}
          </p>
          {snoozedUntil && (
            <p className="mt-1 text-xs font-medium text-zinc-700 dark:text-zinc-300">
              Comes back <time dateTime={item.snoozedUntil!}>{formatOnClock(snoozedUntil, clock)}</time>
            </p>
          )}
          <p className="mt-1 text-xs text-muted">
            <RelativeTime iso={item.createdAt} />
            {!compact && <> · {item.reason}</>}
            {!compact && item.email && (
              <>
                {" "}
                · <EmailStatus email={item.email} />
              </>
            )}
          </p>
          <div className="mt-1.5 -ml-1.5 flex flex-wrap items-center gap-1">
            {item.url && (
              <a
                href={item.url}
                target="_blank"
                rel="noopener noreferrer"
                className={clsx(actionClass, "text-brand-700 dark:text-brand-100")}
                aria-label={`Open: ${item.title} (new tab)`}
                onClick={() => unread && actions.update(item, { read: true })}
              >
                <ExternalLink aria-hidden className="size-3.5" /> Open
              </a>
            )}
            {snoozedUntil ? (
              <button
                type="button"
                className={actionClass}
                aria-label={`Unsnooze: ${item.title}`}
                onClick={() => actions.update(item, { snoozedUntil: null })}
              >
                <AlarmClockOff aria-hidden className="size-3.5" /> Unsnooze
              </button>
            ) : (
              <>
                <button
                  type="button"
                  className={actionClass}
                  aria-label={`${unread ? "Mark as read" : "Mark as unread"}: ${item.title}`}
                  onClick={() => actions.update(item, { read: unread })}
                >
                  {unread ? <MailOpen aria-hidden className="size-3.5" /> : <Mail aria-hidden className="size-3.5" />}
                  {unread ? "Mark as read" : "Mark as unread"}
                </button>
                <button
                  type="button"
                  className={actionClass}
                  aria-label={`${item.archivedAt === null ? "Archive" : "Unarchive"}: ${item.title}`}
                  onClick={() => actions.update(item, { archived: item.archivedAt === null })}
                >
                  {item.archivedAt === null ? (
                    <Archive aria-hidden className="size-3.5" />
                  ) : (
                    <ArchiveRestore aria-hidden className="size-3.5" />
                  )}
                  {item.archivedAt === null ? "Archive" : "Unarchive"}
                </button>
                {!compact && item.archivedAt === null && (
                  <SnoozeMenu
                    item={item}
                    className={actionClass}
                    onSnooze={(until) => actions.update(item, { snoozedUntil: until.toISOString() })}
                  />
                )}
              </>
            )}
          </div>
        </div>
      </div>
    </article>
  );
}
