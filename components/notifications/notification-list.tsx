"use client";

import { useEffect, useLayoutEffect, useRef } from "react";
import type { NotificationItem as Item } from "@/lib/notifications/item";
import { NotificationItem, type ItemActions } from "@/components/notifications/notification-item";
import { Button } from "@/components/ui/button";

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** The first (after) or last (before) tabbable element outside the feed, in document order. */
function tabbableOutside(feed: HTMLElement, where: "before" | "after"): HTMLElement | undefined {
  const all = [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => !feed.contains(el) && el.getClientRects().length > 0,
  );
  const position = where === "after" ? Node.DOCUMENT_POSITION_FOLLOWING : Node.DOCUMENT_POSITION_PRECEDING;
  const outside = all.filter((el) => feed.compareDocumentPosition(el) & position);
  return where === "after" ? outside[0] : outside.at(-1);
}

// The WAI-ARIA feed pattern's keys: Page Down / Page Up move between items (so do the arrow keys,
// Home and End), Ctrl+End / Ctrl+Home leave the feed forwards / backwards; Tab still walks
// through each item's actions.
function moveFocus(event: React.KeyboardEvent<HTMLDivElement>) {
  const feed = event.currentTarget;
  if (event.ctrlKey && (event.key === "End" || event.key === "Home")) {
    const target = tabbableOutside(feed, event.key === "End" ? "after" : "before");
    if (!target) return;
    event.preventDefault();
    return target.focus();
  }
  const keys = ["ArrowDown", "ArrowUp", "PageDown", "PageUp", "Home", "End"];
  if (!keys.includes(event.key) || event.altKey || event.metaKey || event.ctrlKey) return;
  const items = [...feed.querySelectorAll<HTMLElement>("[data-notification-item]")];
  const from = (event.target as HTMLElement).closest<HTMLElement>("[data-notification-item]");
  const index = from ? items.indexOf(from) : -1;
  const forward = event.key === "ArrowDown" || event.key === "PageDown";
  const next =
    event.key === "Home"
      ? 0
      : event.key === "End"
        ? items.length - 1
        : forward
          ? Math.min(index + 1, items.length - 1)
          : Math.max(index - 1, 0);
  const target = items[next];
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/** Endless scrolling: loads the next page (true when it added items), and whether it is loading. */
interface MoreItems {
  load: () => Promise<boolean>;
  loading: boolean;
}

// How long the end of the list stays in view before the next page loads by itself. Pressing
// "Load more" in that time cancels it and keyboard focus on the button holds it off, so one press
// loads one page and the button does not jump away under the pointer.
const SETTLE_MS = 400;

export function NotificationList({
  items,
  actions,
  label,
  compact,
  more,
}: {
  items: Item[];
  actions: ItemActions;
  label: string;
  compact?: boolean;
  /** Given while there are more pages: a "Load more" button, and loading as the end scrolls into view. */
  more?: MoreItems;
}) {
  const list = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const load = useRef(more?.load);
  useLayoutEffect(() => {
    load.current = more?.load;
  });
  // After "Load more", focus goes to the first new item: the item after this one.
  const focusAfter = useRef<string | null>(null);
  const endVisible = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const endless = Boolean(more);
  const lastId = items.at(-1)?.id;

  /** Loads the next page once the end has stayed in view for SETTLE_MS. */
  const arm = () => {
    clearTimeout(timer.current);
    if (!endVisible.current) return;
    timer.current = setTimeout(() => button.current?.matches(":focus-visible") || void load.current?.(), SETTLE_MS);
  };

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !endless) return;
    const observer = new IntersectionObserver(
      (entries) => {
        endVisible.current = entries.at(-1)?.isIntersecting ?? false;
        arm();
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(node);
    return () => {
      clearTimeout(timer.current);
      observer.disconnect();
    };
    // Re-observing after each page reports an end that is still in view; live items arriving at
    // the top do not restart the wait.
  }, [endless, lastId]);

  useEffect(() => {
    const after = focusAfter.current;
    const index = after ? items.findIndex((item) => item.id === after) : -1;
    if (index < 0 || index === items.length - 1) return;
    focusAfter.current = null;
    // Only if the user has not gone elsewhere meanwhile.
    const active = document.activeElement;
    if (active !== button.current && active !== document.body) return;
    list.current?.querySelector<HTMLElement>(`[data-notification-id="${items[index + 1]?.id}"]`)?.focus();
  }, [items]);

  const loadByHand = async () => {
    focusAfter.current = lastId ?? null;
    if (!(await more?.load())) focusAfter.current = null;
  };

  return (
    <>
      {/* A feed (WAI-ARIA): articles that say where they are in it; busy while a page loads. The
          total is unknown while more pages remain (aria-setsize -1). */}
      <div
        ref={list}
        role="feed"
        aria-label={label}
        aria-busy={more?.loading ?? false}
        onKeyDown={moveFocus}
        className="divide-y divide-zinc-100 dark:divide-zinc-800/70"
      >
        {items.map((item, index) => (
          <NotificationItem
            key={item.id}
            item={item}
            actions={actions}
            compact={compact}
            position={{ index: index + 1, size: more ? -1 : items.length }}
          />
        ))}
      </div>
      {more && (
        <>
          <div ref={sentinel} aria-hidden className="h-px" />
          <div className="flex justify-center border-t border-zinc-100 p-2 dark:border-zinc-800">
            <Button
              ref={button}
              variant="ghost"
              onPointerDown={() => clearTimeout(timer.current)}
              onPointerCancel={arm}
              onBlur={arm}
              onClick={() => void loadByHand()}
              aria-busy={more.loading}
            >
              {more.loading ? "Loading…" : "Load more"}
            </Button>
          </div>
        </>
      )}
    </>
  );
}
