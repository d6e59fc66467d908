"use client";

import { useEffect, useRef } from "react";
import type { NotificationItem as Item } from "@/lib/notifications/item";
import { NotificationItem, type ItemActions } from "@/components/notifications/notification-item";
import { Button } from "@/components/ui/button";

// Arrow keys, Home and End move between items; Tab still walks through each item's actions.
function moveFocus(event: React.KeyboardEvent<HTMLUListElement>) {
  const keys = ["ArrowDown", "ArrowUp", "Home", "End"];
  if (!keys.includes(event.key)) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>("[data-notification-item]")];
  const from = (event.target as HTMLElement).closest<HTMLElement>("[data-notification-item]");
  const index = from ? items.indexOf(from) : -1;
  const next =
    event.key === "Home" ? 0 : event.key === "End" ? items.length - 1 : event.key === "ArrowDown" ? Math.min(index + 1, items.length - 1) : Math.max(index - 1, 0);
  const target = items[next];
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/** Endless scrolling: the next page, and whether it is loading. */
export interface MoreItems {
  load: () => Promise<void>;
  loading: boolean;
}

// How long the end of the list stays in view before the next page loads by itself. Pressing
// "Load more" in that time cancels it and a focused button holds it off, so one press loads one
// page and the button does not jump away under the pointer.
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
  const list = useRef<HTMLUListElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const load = useRef(more?.load);
  load.current = more?.load;
  // After "Load more", focus goes to the first new item: the item after this one.
  const focusAfter = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const endless = Boolean(more);

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !endless) return;
    const observer = new IntersectionObserver(
      (entries) => {
        clearTimeout(timer.current);
        if (!entries.at(-1)?.isIntersecting) return;
        // A keyboard user on the button decides for themselves.
        timer.current = setTimeout(() => button.current?.matches(":focus") || void load.current?.(), SETTLE_MS);
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(node);
    return () => {
      clearTimeout(timer.current);
      observer.disconnect();
    };
  }, [endless, items.length]); // re-observing reports an already visible end again after each page

  useEffect(() => {
    const after = focusAfter.current;
    const index = after ? items.findIndex((item) => item.id === after) : -1;
    if (index < 0 || index === items.length - 1) return;
    focusAfter.current = null;
    list.current?.querySelector<HTMLElement>(`[data-notification-id="${items[index + 1]?.id}"]`)?.focus();
  }, [items]);

  const loadByHand = () => {
    focusAfter.current = items.at(-1)?.id ?? null;
    void more?.load();
  };

  return (
    <>
      <ul ref={list} aria-label={label} onKeyDown={moveFocus} className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
        {items.map((item) => (
          <li key={item.id} className="py-0.5">
            <NotificationItem item={item} actions={actions} compact={compact} />
          </li>
        ))}
      </ul>
      {more && (
        <>
          <div ref={sentinel} aria-hidden className="h-px" />
          <div className="flex justify-center border-t border-zinc-100 p-2 dark:border-zinc-800">
            <Button ref={button} variant="ghost" onPointerDown={() => clearTimeout(timer.current)} onClick={loadByHand} aria-busy={more.loading}>
              {more.loading ? "Loading…" : "Load more"}
            </Button>
          </div>
        </>
      )}
    </>
  );
}
