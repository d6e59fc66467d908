"use client";

import { DropdownMenu } from "radix-ui";
import { ChevronDown } from "lucide-react";
import type { OrgCellChange } from "./org-cell";

const itemClass =
  "cursor-pointer rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800";

const actions: { label: string; change: OrgCellChange }[] = [
  { label: "Inherit", change: { enabled: null } },
  { label: "On", change: { enabled: true } },
  { label: "Off", change: { enabled: false } },
  { label: "Lock", change: { locked: true } },
  { label: "Unlock", change: { locked: false } },
];

/** Sets one channel for every type of a category (locked and critical cells are skipped). */
export function OrgCategoryMenu({
  label,
  disabled,
  onChange,
}: {
  label: string;
  disabled: boolean;
  onChange: (change: OrgCellChange) => void;
}) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        disabled={disabled}
        // Starts with the visible "Set all" (WCAG 2.5.3 Label in Name).
        aria-label={`Set all: ${label}`}
        className="inline-flex items-center gap-1 rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Set all <ChevronDown aria-hidden className="size-3.5" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={4}
          className="z-50 min-w-32 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          {actions.map((action) => (
            <DropdownMenu.Item key={action.label} className={itemClass} onSelect={() => onChange(action.change)}>
              {action.label}
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
