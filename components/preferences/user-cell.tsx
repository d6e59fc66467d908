"use client";

import { useId } from "react";
import { RotateCcw } from "lucide-react";
import type { PreferenceItem } from "@/lib/preferences/items";
import { cellName, lockExplanation, userSourceText } from "./cell-text";
import { LockNote } from "./lock-note";
import { CellChannelLabel } from "./matrix-layout";
import { ToggleSwitch } from "./toggle-switch";

/** One switch with the value's source under it; locked and critical cells are disabled and say why. */
export function UserCell({ item, onChange }: { item: PreferenceItem; onChange: (enabled: boolean | null) => void }) {
  const sourceId = useId();
  const name = cellName(item.type, item.channel);
  return (
    <div
      className="flex items-center gap-3 sm:flex-col sm:items-start sm:gap-1"
      data-cell={`${item.type}:${item.channel}`}
    >
      <CellChannelLabel channel={item.channel} />
      <ToggleSwitch
        checked={item.enabled}
        disabled={item.locked}
        label={name}
        describedBy={sourceId}
        onChange={onChange}
      />
      {item.locked ? (
        <LockNote
          id={sourceId}
          text={userSourceText(item)}
          explanation={lockExplanation(item)}
          critical={item.source === "critical"}
        />
      ) : (
        <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
          <span id={sourceId}>{userSourceText(item)}</span>
          {item.source === "user" && (
            <button
              type="button"
              onClick={() => onChange(null)}
              aria-label={`Use your organization's setting for ${name}`}
              title="Use your organization's setting"
              className="rounded p-0.5 text-muted hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            >
              <RotateCcw aria-hidden className="size-3.5" />
            </button>
          )}
        </span>
      )}
    </div>
  );
}
