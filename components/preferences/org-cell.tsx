"use client";

import { useId } from "react";
import { RadioGroup } from "radix-ui";
import { clsx } from "clsx";
import { Lock, LockOpen } from "lucide-react";
import type { OrganizationSettingItem } from "@/lib/preferences/items";
import { cellName, inheritedText, lockExplanation } from "./cell-text";
import { LockNote } from "./lock-note";
import { CellChannelLabel } from "./matrix-layout";

export type OrgCellChange = { enabled?: boolean | null; locked?: boolean };

const options = [
  { value: "inherit", label: "Inherit" },
  { value: "on", label: "On" },
  { value: "off", label: "Off" },
] as const;

const settingValue = (setting: boolean | null) => (setting === null ? "inherit" : setting ? "on" : "off");
const fromValue = (value: string) => (value === "inherit" ? null : value === "on");

/** Inherit / On / Off and a lock for one cell of an organization, with what it would inherit. */
export function OrgCell({
  item,
  organizationName,
  onChange,
}: {
  item: OrganizationSettingItem;
  organizationName: string;
  onChange: (change: OrgCellChange) => void;
}) {
  const noteId = useId();
  const name = cellName(item.type, item.channel);
  const blocked = item.critical || !!item.lockedBy;
  return (
    <div className="flex flex-col gap-1.5" data-cell={`${item.type}:${item.channel}`}>
      <div className="flex items-center gap-2">
        <CellChannelLabel channel={item.channel} columns="admin" />
        <RadioGroup.Root
          value={settingValue(item.setting)}
          onValueChange={(value) => onChange({ enabled: fromValue(value) })}
          disabled={blocked}
          aria-label={name}
          aria-describedby={noteId}
          orientation="horizontal"
          className="inline-flex rounded-md border border-zinc-300 p-0.5 dark:border-zinc-700"
        >
          {options.map((option) => (
            <RadioGroup.Item
              key={option.value}
              value={option.value}
              className={clsx(
                "rounded px-2 py-1 text-xs font-medium text-zinc-700 dark:text-zinc-300",
                "data-[state=checked]:bg-brand-600 data-[state=checked]:text-white dark:data-[state=checked]:bg-brand-500",
                "hover:bg-zinc-100 data-[state=checked]:hover:bg-brand-600 dark:hover:bg-zinc-800",
                "disabled:cursor-not-allowed disabled:opacity-50",
              )}
            >
              {option.label}
            </RadioGroup.Item>
          ))}
        </RadioGroup.Root>
        <button
          type="button"
          aria-pressed={item.locked}
          aria-label={`Lock ${name}`}
          disabled={blocked}
          onClick={() => onChange({ locked: !item.locked })}
          className={clsx(
            "inline-flex items-center gap-1 rounded-md border px-2 py-1 text-xs font-medium disabled:cursor-not-allowed disabled:opacity-50",
            item.locked
              ? "border-amber-500 bg-amber-50 text-amber-800 dark:border-amber-500/60 dark:bg-amber-500/10 dark:text-amber-300"
              : "border-zinc-300 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-800",
          )}
        >
          {item.locked ? <Lock aria-hidden className="size-3.5" /> : <LockOpen aria-hidden className="size-3.5" />}
          {item.locked ? "Locked" : "Lock"}
        </button>
      </div>
      {blocked ? (
        <LockNote
          id={noteId}
          critical={item.critical}
          text={item.critical ? "Always on: critical" : `Locked by ${item.lockedBy}`}
          explanation={lockExplanation(item, organizationName)}
        />
      ) : (
        <p id={noteId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {item.setting === null ? "Inherits " : `${item.setting ? "On" : "Off"} here · inherited: `}
          {inheritedText(item)}
          {item.locked && (
            <span className="text-amber-700 dark:text-amber-400">
              {" "}
              · locked below{item.lockOwner && item.lockOwner !== organizationName ? ` by ${item.lockOwner}` : ""}
            </span>
          )}
        </p>
      )}
    </div>
  );
}
