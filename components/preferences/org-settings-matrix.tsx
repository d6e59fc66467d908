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
  type Channel,
  type NotificationType,
} from "@/lib/notifications/catalog";
import { channelLabels } from "@/lib/preferences/labels";
import type { OrganizationSettingItem } from "@/lib/preferences/items";
import { putOrganizationSetting, type Target } from "./api";
import { cellName } from "./cell-text";
import { CategoryHeader, MatrixRow, MatrixSection } from "./matrix-layout";
import { OrgCategoryMenu } from "./org-category-menu";
import { OrgCell, type OrgCellChange } from "./org-cell";

const keyOf = (item: { type: string; channel: Channel }) => `${item.type}:${item.channel}`;

function describe(change: OrgCellChange) {
  if (change.locked !== undefined) return change.locked ? "locked" : "unlocked";
  return change.enabled === null ? "set to inherit" : `turned ${change.enabled ? "on" : "off"}`;
}

/** Applies a change locally, before the server confirms it. */
function optimistic(item: OrganizationSettingItem, change: OrgCellChange): OrganizationSettingItem {
  const setting = change.enabled === undefined ? item.setting : change.enabled;
  return { ...item, setting, locked: change.locked ?? item.locked, enabled: setting ?? item.inherited.enabled };
}

export function OrgSettingsMatrix(props: {
  organizationId: string;
  organizationName: string;
  initialItems: OrganizationSettingItem[];
  /** The types to show (typesFor the organization's kind). */
  types: readonly NotificationType[];
  onChanged: () => void;
}) {
  const [items, setItems] = useState(props.initialItems);
  const byKey = useMemo(() => new Map(items.map((item) => [keyOf(item), item])), [items]);
  const patch = (updated: OrganizationSettingItem[]) => {
    const next = new Map(updated.map((item) => [keyOf(item), item]));
    setItems((current) => current.map((item) => next.get(keyOf(item)) ?? item));
  };

  async function change(
    target: Target,
    channel: Channel,
    body: OrgCellChange,
    cells: OrganizationSettingItem[],
    what: string,
  ) {
    patch(cells.map((cell) => optimistic(cell, body)));
    try {
      const result = await putOrganizationSetting(props.organizationId, { ...target, channel, ...body });
      patch(result.items);
      const skipped = result.skipped.length
        ? `${result.skipped.length} left unchanged (locked or critical): ${result.skipped.map((cell) => catalog[cell.type].label).join(", ")}.`
        : undefined;
      toast.success(`${what} ${describe(body)}`, { description: skipped });
      props.onChanged();
    } catch (error) {
      patch(cells);
      toast.error(`Could not change ${what}`, { description: (error as Error).message });
    }
  }

  return (
    <Tooltip.Provider delayDuration={200}>
      <div className="flex flex-col gap-6">
        {categoryKeys.map((category) => {
          const types = typesInCategory(category).filter((type) => props.types.includes(type));
          if (types.length === 0) return null;
          const label = categories[category].label;
          const id = `category-${category}`;
          return (
            <MatrixSection key={category} id={id}>
              <CategoryHeader
                id={id}
                title={label}
                columns="admin"
                cell={(channel) => {
                  const editable = types
                    .map((type) => byKey.get(`${type}:${channel}`)!)
                    .filter((item) => !item.critical && !item.lockedBy);
                  return (
                    <OrgCategoryMenu
                      label={`${channelLabels[channel]} for every ${label} notification`}
                      disabled={editable.length === 0}
                      onChange={(body) =>
                        change({ category }, channel, body, editable, `${channelLabels[channel]} for ${label}`)
                      }
                    />
                  );
                }}
              />
              {types.map((type) => (
                <MatrixRow
                  key={type}
                  label={catalog[type].label}
                  description={catalog[type].description}
                  columns="admin"
                >
                  {channels.map((channel) => {
                    const item = byKey.get(`${type}:${channel}`)!;
                    return (
                      <OrgCell
                        key={channel}
                        item={item}
                        organizationName={props.organizationName}
                        onChange={(body) => change({ type }, channel, body, [item], cellName(type, channel))}
                      />
                    );
                  })}
                </MatrixRow>
              ))}
            </MatrixSection>
          );
        })}
      </div>
    </Tooltip.Provider>
  );
}
