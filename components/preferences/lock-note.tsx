"use client";

import { Tooltip } from "radix-ui";
import { Lock, ShieldAlert } from "lucide-react";

/**
 * Why a cell is disabled: a lock icon with a tooltip (for pointer users) next to the same reason
 * as text (read by screen readers through the control's aria-describedby, visible to everyone).
 */
export function LockNote({
  id,
  text,
  explanation,
  critical,
}: {
  id: string;
  text: string;
  explanation: string;
  critical?: boolean;
}) {
  const Icon = critical ? ShieldAlert : Lock;
  return (
    <span className="inline-flex items-center gap-1 text-xs text-amber-700 dark:text-amber-400">
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          <button type="button" className="rounded p-0.5" aria-label={explanation}>
            <Icon aria-hidden className="size-3.5" />
          </button>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            sideOffset={4}
            className="z-50 max-w-64 rounded-md bg-zinc-900 px-2.5 py-1.5 text-xs text-white shadow-lg dark:bg-zinc-100 dark:text-zinc-900"
          >
            {explanation}
            <Tooltip.Arrow className="fill-zinc-900 dark:fill-zinc-100" />
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
      <span id={id}>
        {text}
        <span className="sr-only">. {explanation}</span>
      </span>
    </span>
  );
}
