"use client";

// An organization's default email cadence per category, with locks: the admin page's counterpart
// of "When email arrives" on the user's settings page. An empty choice inherits from above.
import { useId, useState } from "react";
import { toast } from "sonner";
import { categories, catalog, type NotificationType } from "@/lib/notifications/catalog";
import { cadenceLabels, cadences, type Cadence } from "@/lib/delivery-timing/windows";
import type { OrganizationCadenceItem } from "@/lib/preferences/items";
import { putOrganizationCadence } from "./api";

const INHERIT = "inherit";

function inheritedText(item: OrganizationCadenceItem) {
  const from = item.inherited.source === "organization" ? `from ${item.inherited.sourceName}` : "default";
  return `Inherit: ${cadenceLabels[item.inherited.cadence].toLowerCase()} (${from})`;
}

export function OrgCadenceSection({
  organizationId,
  initialItems,
  types,
  onChanged,
}: {
  organizationId: string;
  initialItems: OrganizationCadenceItem[];
  types: readonly NotificationType[];
  onChanged: () => void;
}) {
  const [items, setItems] = useState(initialItems);
  const shown = items.filter((item) => types.some((type) => catalog[type].category === item.category));

  async function change(item: OrganizationCadenceItem, body: { cadence?: Cadence | null; locked?: boolean }) {
    const label = categories[item.category].label;
    try {
      const { item: updated } = await putOrganizationCadence(organizationId, { category: item.category, ...body });
      setItems((current) => current.map((c) => (c.category === updated.category ? updated : c)));
      onChanged();
      toast.success(
        body.locked !== undefined
          ? `${label} email cadence ${body.locked ? "locked" : "unlocked"}`
          : `${label} email: ${cadenceLabels[updated.cadence].toLowerCase()}`,
      );
    } catch (error) {
      toast.error(`Could not change the ${label} email cadence`, { description: (error as Error).message });
    }
  }

  return (
    <section aria-labelledby="org-cadence-heading" className="mt-10">
      <h2 id="org-cadence-heading" className="text-xl font-semibold">
        When email arrives
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        The default email cadence of each category for this organization and everyone beneath it: at once, or in an
        hourly or daily digest (each user picks the time of day). Critical notifications always come at once. Lock a
        category so that organizations and users below cannot change it.
      </p>
      <ul
        aria-label="Default email cadence per category"
        className="mt-4 divide-y divide-zinc-200 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
      >
        {shown.map((item) => (
          <CadenceRow key={item.category} item={item} change={(body) => change(item, body)} />
        ))}
      </ul>
    </section>
  );
}

function CadenceRow({
  item,
  change,
}: {
  item: OrganizationCadenceItem;
  change: (body: { cadence?: Cadence | null; locked?: boolean }) => void;
}) {
  const id = useId();
  const label = categories[item.category].label;
  const blocked = Boolean(item.lockedBy);
  const note = blocked
    ? `Locked by ${item.lockedBy}`
    : item.locked
      ? `Locked here${item.lockOwner ? ` by ${item.lockOwner}` : ""}: organizations and users below cannot change it`
      : item.setting
        ? "Set here"
        : "Inherited";
  return (
    <li className="flex flex-col gap-2 px-4 py-3 lg:flex-row lg:items-center lg:justify-between">
      <div className="min-w-0">
        <label htmlFor={`${id}-cadence`} className="text-sm font-medium">
          {label} email
        </label>
        <p id={`${id}-note`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {note}
          {item.alwaysInstant.length > 0 && ` · Always at once: ${item.alwaysInstant.join(", ")}`}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <select
          id={`${id}-cadence`}
          value={item.setting ?? INHERIT}
          disabled={blocked}
          aria-describedby={`${id}-note`}
          onChange={(event) =>
            change({ cadence: event.target.value === INHERIT ? null : (event.target.value as Cadence) })
          }
          className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-950"
        >
          <option value={INHERIT}>{inheritedText(item)}</option>
          {cadences.map((cadence) => (
            <option key={cadence} value={cadence}>
              {cadenceLabels[cadence]}
            </option>
          ))}
        </select>
        <span className="flex items-center gap-2">
          <input
            id={`${id}-lock`}
            type="checkbox"
            checked={item.locked}
            disabled={blocked}
            onChange={(event) => change({ locked: event.target.checked })}
            className="size-4 rounded border-zinc-300 accent-brand-600"
          />
          <label htmlFor={`${id}-lock`} className="text-sm">
            Lock<span className="sr-only"> the {label} email cadence</span>
          </label>
        </span>
      </div>
    </li>
  );
}
