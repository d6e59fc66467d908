"use client";

import { Bell as BellIcon } from "lucide-react";
import { Dialog, Popover } from "radix-ui";
import { forwardRef, useId, useState } from "react";
import { NotificationPanel } from "@/components/notifications/notification-panel";
import { useMediaQuery } from "@/components/notifications/use-media-query";
import { useRealtime } from "@/components/notifications/use-realtime";

const badgeText = (count: number) => (count > 99 ? "99+" : String(count));
const bellLabel = (count: number) => (count > 0 ? `Notifications, ${count} unread` : "Notifications");

const BellButton = forwardRef<HTMLButtonElement, React.ButtonHTMLAttributes<HTMLButtonElement> & { count: number }>(
  function BellButton({ count, ...props }, ref) {
    return (
      <button
        ref={ref}
        type="button"
        aria-label={bellLabel(count)}
        data-testid="bell"
        className="relative flex size-9 items-center justify-center rounded-full text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 data-[state=open]:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50 dark:data-[state=open]:bg-zinc-800"
        {...props}
      >
        <BellIcon aria-hidden className="size-5" />
        {count > 0 && (
          <span
            aria-hidden
            data-testid="bell-badge"
            className="absolute -right-0.5 -top-0.5 flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-red-600 px-1 text-[11px] font-semibold leading-none text-white ring-2 ring-white dark:ring-zinc-900"
          >
            {badgeText(count)}
          </span>
        )}
      </button>
    );
  },
);

/**
 * The header bell: a popover on wider screens, a full-screen sheet on phones. Both close on Esc
 * and outside clicks, move focus into the panel on open and give it back to the bell on close.
 */
export function Bell() {
  const { unreadCount } = useRealtime();
  const [open, setOpen] = useState(false);
  const phone = useMediaQuery("(max-width: 639px)");
  const headingId = useId();
  const close = () => setOpen(false);

  if (phone) {
    return (
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger asChild>
          <BellButton count={unreadCount} />
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-50 bg-zinc-950/40" />
          <Dialog.Content
            // The panel's heading names the sheet (its id is ours, so say so explicitly).
            aria-labelledby={headingId}
            aria-describedby={undefined}
            className="fixed inset-0 z-50 flex flex-col bg-white outline-none dark:bg-zinc-900"
          >
            <NotificationPanel
              onClose={close}
              headingId={headingId}
              wrapTitle={(title) => <Dialog.Title asChild>{title}</Dialog.Title>}
            />
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    );
  }
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <BellButton count={unreadCount} />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={8}
          collisionPadding={12}
          aria-labelledby={headingId}
          className="z-50 flex max-h-[min(36rem,calc(100dvh-5rem))] w-[26rem] flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xl outline-none dark:border-zinc-800 dark:bg-zinc-900"
        >
          <NotificationPanel onClose={close} headingId={headingId} />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
