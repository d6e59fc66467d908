"use client";

import { useMemo, useState } from "react";
import { Tooltip } from "radix-ui";
import { toast } from "sonner";
import {
  catalog,
  categories,
  categoryKeys,
  channels,
  typesInCategory,
  type Category,
  type Channel,
  type NotificationType,
} from "@/lib/notifications/catalog";
import { channelLabels } from "@/lib/preferences/labels";
import type { CadenceItem, PreferenceItem, SkippedCell } from "@/lib/preferences/items";
import { putUserPreference, resetUserPreferences, type Target } from "./api";
import { cellName } from "./cell-text";
import { ResetDialog } from "./reset-dialog";
import { ToggleSwitch } from "./toggle-switch";
import { UserCell } from "./user-cell";
import { CategoryHeader, MatrixRow, MatrixSection } from "./matrix-layout";

const keyOf = (item: { type: string; channel: Channel }) => `${item.type}:${item.channel}`;

function skippedNote(skipped: SkippedCell[]) {
  return skipped.length
    ? `${skipped.length} left unchanged: ${skipped.map((cell) => catalog[cell.type].label).join(", ")} (locked or critical).`
    : undefined;
}

export function UserPreferencesMatrix({
  initialItems,
  types,
  cadenceChoices,
  onCadenceReset,
}: {
  initialItems: PreferenceItem[];
  /** The types to show (typesFor the user's organization kind). */
  types: readonly NotificationType[];
  /** The user's own email cadences ("When email arrives"): the reset removes them too. */
  cadenceChoices: number;
  onCadenceReset: (cadence: CadenceItem[]) => void;
}) {
  const [items, setItems] = useState(initialItems);
  const byKey = useMemo(() => new Map(items.map((item) => [keyOf(item), item])), [items]);
  const patch = (updated: PreferenceItem[]) => {
    const next = new Map(updated.map((item) => [keyOf(item), item]));
    setItems((current) => current.map((item) => next.get(keyOf(item)) ?? item));
  };

  // Optimistic: the cells change at once; the server's answer replaces them, an error restores them.
  async function change(
    target: Target,
    channel: Channel,
    enabled: boolean | null,
    cells: PreferenceItem[],
    what: string,
  ) {
    if (enabled !== null) patch(cells.map((cell) => ({ ...cell, enabled, source: "user" as const })));
    try {
      const result = await putUserPreference({ ...target, channel, enabled });
      patch(result.items);
      toast.success(
        enabled === null ? `${what} follows your organization again` : `${what} turned ${enabled ? "on" : "off"}`,
        { description: skippedNote(result.skipped) },
      );
    } catch (error) {
      patch(cells);
      toast.error(`Could not change ${what}`, { description: (error as Error).message });
    }
  }

  async function reset() {
    try {
      const result = await resetUserPreferences();
      setItems(result.items);
      onCadenceReset(result.cadence);
      toast.success(
        result.removed
          ? `Reset ${result.removed} ${result.removed === 1 ? "choice" : "choices"} to your organization's defaults`
          : "Nothing to reset",
      );
    } catch (error) {
      toast.error("Could not reset your settings", { description: (error as Error).message });
    }
  }

  const choices = items.filter((item) => item.source === "user").length + cadenceChoices;

  return (
    <Tooltip.Provider delayDuration={200}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Changes save immediately. Your organization sets the defaults; some settings may be locked by it or your
          reseller.
        </p>
        <ResetDialog count={choices} onConfirm={reset} />
      </div>
      <div className="mt-6 flex flex-col gap-6">
        {categoryKeys.map((category) => (
          <CategorySection key={category} category={category} types={types} byKey={byKey} change={change} />
        ))}
      </div>
    </Tooltip.Provider>
  );
}

type Change = (
  target: Target,
  channel: Channel,
  enabled: boolean | null,
  cells: PreferenceItem[],
  what: string,
) => Promise<void>;

function CategorySection({
  category,
  types: visible,
  byKey,
  change,
}: {
  category: Category;
  types: readonly NotificationType[];
  byKey: Map<string, PreferenceItem>;
  change: Change;
}) {
  const types = typesInCategory(category).filter((type) => visible.includes(type));
  const label = categories[category].label;
  if (types.length === 0) return null;
  return (
    <MatrixSection id={`category-${category}`}>
      <CategoryHeader
        title={label}
        id={`category-${category}`}
        cell={(channel) => {
          const editable = types.map((type) => byKey.get(`${type}:${channel}`)!).filter((item) => !item.locked);
          const on = editable.filter((item) => item.enabled).length;
          // A switch has no third state: "some on" is said in text next to it (and read with it).
          const mixed = on > 0 && on < editable.length;
          const mixedId = `${category}-${channel}-mixed`;
          return (
            <>
              <ToggleSwitch
                size="sm"
                checked={editable.length > 0 && on === editable.length}
                disabled={editable.length === 0}
                label={`${channelLabels[channel]} for all ${label} notifications`}
                describedBy={mixed ? mixedId : undefined}
                onChange={(enabled) =>
                  change({ category }, channel, enabled, editable, `${channelLabels[channel]} for ${label}`)
                }
              />
              {mixed && (
                <span id={mixedId} className="text-xs text-muted">
                  Some on
                </span>
              )}
            </>
          );
        }}
      />
      {types.map((type) => (
        <MatrixRow key={type} label={catalog[type].label} description={catalog[type].description}>
          {channels.map((channel) => {
            const item = byKey.get(`${type}:${channel}`)!;
            return (
              <UserCell
                key={channel}
                item={item}
                onChange={(enabled) => change({ type }, channel, enabled, [item], cellName(type, channel))}
              />
            );
          })}
        </MatrixRow>
      ))}
    </MatrixSection>
  );
}
