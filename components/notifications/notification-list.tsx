"use client";

import { useEffect, useRef } from "react";
import type { NotificationItem as Item } from "@/lib/notifications/item";
import { NotificationItem, type ItemActions } from "@/components/notifications/notification-item";

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

export function NotificationList({
  items,
  actions,
  label,
  compact,
  onEndReached,
}: {
  items: Item[];
  actions: ItemActions;
  label: string;
  compact?: boolean;
  /** Called when the end of the list scrolls into view (endless scrolling). */
  onEndReached?: () => void;
}) {
  const sentinel = useRef<HTMLDivElement>(null);
  const onEnd = useRef(onEndReached);
  onEnd.current = onEndReached;
  const observe = Boolean(onEndReached);

  useEffect(() => {
    const node = sentinel.current;
    if (!node || !observe) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onEnd.current?.(), { rootMargin: "400px 0px" });
    observer.observe(node);
    return () => observer.disconnect();
  }, [observe, items.length]); // re-observing reports an already visible end again after each page

  return (
    <>
      <ul aria-label={label} onKeyDown={moveFocus} className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
        {items.map((item) => (
          <li key={item.id} className="py-0.5">
            <NotificationItem item={item} actions={actions} compact={compact} />
          </li>
        ))}
      </ul>
      {observe && <div ref={sentinel} aria-hidden className="h-px" />}
    </>
  );
}
