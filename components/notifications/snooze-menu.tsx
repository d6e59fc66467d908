"use client";

import { AlarmClock } from "lucide-react";
import { Dialog, DropdownMenu } from "radix-ui";
import { useId, useRef, useState } from "react";
import type { NotificationItem } from "@/lib/notifications/item";
import { fromWallTime, MAX_SNOOZE_MS, snoozePresets, snoozeProblem, toWallTime } from "@/lib/notifications/snooze-time";
import { contentClass, descriptionClass, overlayClass, titleClass } from "@/components/console/dialog-styles";
import { Button } from "@/components/ui/button";
import { formatOnClock, useUserClock } from "@/components/notifications/user-clock";

const itemClass =
  "flex cursor-pointer items-baseline justify-between gap-4 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

/**
 * "Snooze" on an inbox item: a menu of presets on the user's clock (in 1 hour, tomorrow 09:00,
 * Monday 09:00) and a dialog to pick a date and time.
 */
export function SnoozeMenu({
  item,
  className,
  onSnooze,
}: {
  item: NotificationItem;
  className: string;
  onSnooze: (until: Date) => void;
}) {
  const clock = useUserClock();
  const [now, setNow] = useState(() => new Date());
  const [picking, setPicking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <DropdownMenu.Root modal={false} onOpenChange={(open) => open && setNow(new Date())}>
        <DropdownMenu.Trigger ref={trigger} className={className} aria-label={`Snooze: ${item.title}`}>
          <AlarmClock aria-hidden className="size-3.5" /> Snooze
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="start"
            sideOffset={4}
            className="z-50 min-w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
          >
            <DropdownMenu.Label className="px-2 py-1 text-xs font-medium text-muted">Snooze until</DropdownMenu.Label>
            {snoozePresets(now, clock.timezone).map((preset) => (
              <DropdownMenu.Item key={preset.key} className={itemClass} onSelect={() => onSnooze(preset.until)}>
                <span>{preset.label}</span>
                <span className="text-xs text-muted">{formatOnClock(preset.until, clock, now)}</span>
              </DropdownMenu.Item>
            ))}
            <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
            <DropdownMenu.Item className={itemClass} onSelect={() => setPicking(true)}>
              Pick a date and time…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {picking && (
        <SnoozeDialog
          item={item}
          onClose={() => setPicking(false)}
          onSnooze={onSnooze}
          returnFocus={() => trigger.current?.focus()}
        />
      )}
    </>
  );
}

function SnoozeDialog({
  item,
  onClose,
  onSnooze,
  returnFocus,
}: {
  item: NotificationItem;
  onClose: () => void;
  onSnooze: (until: Date) => void;
  returnFocus: () => void;
}) {
  const clock = useUserClock();
  const [opened] = useState(() => new Date());
  const [value, setValue] = useState(() => toWallTime(snoozePresets(opened, clock.timezone)[1]!.until, clock.timezone));
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const until = fromWallTime(value, clock.timezone);
    const problem = until ? snoozeProblem(until, new Date()) : "Enter a date and a time";
    if (problem || !until) return setError(problem);
    onSnooze(until);
    onClose();
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content
          className={contentClass}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocus();
          }}
        >
          <Dialog.Title className={titleClass}>Snooze until…</Dialog.Title>
          <Dialog.Description className={descriptionClass}>
            “{item.title}” leaves your inbox and comes back unread at this time ({clock.timezone}).
          </Dialog.Description>
          <form onSubmit={submit} className="mt-4 flex flex-col gap-2" noValidate>
            <label htmlFor={inputId} className="text-sm font-medium">
              Date and time
            </label>
            <input
              id={inputId}
              type="datetime-local"
              required
              value={value}
              min={toWallTime(opened, clock.timezone)}
              max={toWallTime(new Date(opened.getTime() + MAX_SNOOZE_MS), clock.timezone)}
              onChange={(event) => {
                setValue(event.target.value);
                setError(null);
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
            {error && (
              <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
                {error}
              </p>
            )}
            <div className="mt-4 flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary">Cancel</Button>
              </Dialog.Close>
              <Button type="submit">Snooze</Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
