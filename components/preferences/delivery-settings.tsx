"use client";

// "When email arrives": each category's email cadence (instant, hourly or daily digest), the daily
// digest's time and quiet hours, on the user's own clock. Native selects, time inputs and a
// checkbox: every control works with the keyboard alone and has a visible label.
import { useId, useState, type Dispatch, type SetStateAction } from "react";
import { toast } from "sonner";
import { categories, type Category, type NotificationType } from "@/lib/notifications/catalog";
import { catalog } from "@/lib/notifications/catalog";
import {
  cadenceLabels,
  cadences,
  quietDaysLabels,
  quietDaysOptions,
  type Cadence,
  type QuietDays,
} from "@/lib/delivery-timing/windows";
import type { CadenceItem, ScheduleView } from "@/lib/preferences/items";
import { buttonClass } from "@/components/ui/button";
import { hintClass, inputClass, labelClass } from "@/components/console/form-styles";
import { putSchedule, putUserCadence } from "./api";

function sourceText(item: CadenceItem): string {
  if (item.locked) return `Locked by ${item.lockedBy}`;
  if (item.source === "user") return "Your choice";
  if (item.source === "organization") return `Set by ${item.sourceName}`;
  return "Default";
}

export function quietSummary(schedule: ScheduleView): string {
  const quiet = schedule.quietHours;
  if (!quiet) return "No quiet hours: email arrives at any time of day.";
  const days = quiet.days === "every_day" ? "every day" : quiet.days === "weekdays" ? "on weekdays" : "on weekends";
  return `Quiet hours ${quiet.start}–${quiet.end} ${days} (${schedule.timezone}): email that is not critical waits until ${quiet.end}, or joins your next digest. In-app notifications are never held.`;
}

export function DeliverySettings({
  cadence: items,
  setCadence: setItems,
  initialSchedule,
  types,
}: {
  /** The cadence per category, shared with the reset of the channel matrix above. */
  cadence: CadenceItem[];
  setCadence: Dispatch<SetStateAction<CadenceItem[]>>;
  initialSchedule: ScheduleView;
  /** The types this user's organization deals with: categories without any are not shown. */
  types: readonly NotificationType[];
}) {
  const [schedule, setSchedule] = useState(initialSchedule);
  const shown = items.filter((item) => types.some((type) => catalog[type].category === item.category));
  const usesDaily = items.some((item) => item.cadence === "daily");

  async function changeCadence(item: CadenceItem, cadence: Cadence | null) {
    const label = categories[item.category].label;
    setItems((current) =>
      current.map((c) => (c.category === item.category && cadence ? { ...c, cadence, source: "user" } : c)),
    );
    try {
      const { item: updated } = await putUserCadence({ category: item.category, cadence });
      setItems((current) => current.map((c) => (c.category === updated.category ? updated : c)));
      toast.success(
        cadence === null
          ? `${label} email follows your organization again`
          : `${label} email: ${cadenceLabels[updated.cadence].toLowerCase()}`,
      );
    } catch (error) {
      setItems((current) => current.map((c) => (c.category === item.category ? item : c)));
      toast.error(`Could not change ${label} email`, { description: (error as Error).message });
    }
  }

  return (
    <section aria-labelledby="delivery-heading" className="mt-10">
      <h2 id="delivery-heading" className="text-xl font-semibold">
        When email arrives
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Get each category&apos;s email at once, or collected in an hourly or daily digest. Critical notifications always
        come at once. Times are on your clock: <span className="font-medium">{schedule.timezone}</span>.
      </p>
      <div className="mt-4 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Email cadence per category">
          {shown.map((item) => (
            <CadenceRow key={item.category} item={item} onChange={(cadence) => changeCadence(item, cadence)} />
          ))}
        </ul>
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <DigestTimeForm schedule={schedule} onSaved={setSchedule} active={usesDaily} />
        <QuietHoursForm schedule={schedule} onSaved={setSchedule} />
      </div>
    </section>
  );
}

function CadenceRow({ item, onChange }: { item: CadenceItem; onChange: (cadence: Cadence | null) => void }) {
  const id = useId();
  const label = categories[item.category as Category].label;
  return (
    <li className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <label htmlFor={`${id}-cadence`} className="text-sm font-medium">
          {label} email
        </label>
        <p id={`${id}-source`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {sourceText(item)}
          {item.alwaysInstant.length > 0 && ` · Always at once: ${item.alwaysInstant.join(", ")}`}
        </p>
      </div>
      <div className="flex items-center gap-2">
        <select
          id={`${id}-cadence`}
          value={item.cadence}
          disabled={item.locked}
          aria-describedby={`${id}-source`}
          onChange={(event) => onChange(event.target.value as Cadence)}
          className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-950"
        >
          {cadences.map((cadence) => (
            <option key={cadence} value={cadence}>
              {cadenceLabels[cadence]}
            </option>
          ))}
        </select>
        {item.source === "user" && !item.locked && (
          <button type="button" className={buttonClass("ghost", "px-2 py-1 text-xs")} onClick={() => onChange(null)}>
            Use organization&apos;s<span className="sr-only"> cadence for {label}</span>
          </button>
        )}
      </div>
    </li>
  );
}

// Times as 24-hour HH:MM text: typed the same way in every browser and locale, read as written.
const timeField = {
  type: "text",
  inputMode: "numeric",
  autoComplete: "off",
  pattern: "([01][0-9]|2[0-3]):[0-5][0-9]",
  placeholder: "HH:MM",
  maxLength: 5,
} as const;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const card =
  "rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900 [&_legend]:text-base [&_legend]:font-semibold";

function DigestTimeForm({
  schedule,
  onSaved,
  active,
}: {
  schedule: ScheduleView;
  onSaved: (schedule: ScheduleView) => void;
  active: boolean;
}) {
  const [time, setTime] = useState(schedule.digestTime);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (!TIME.test(time)) {
      setError("Enter a time as HH:MM, 24-hour (for example 08:00).");
      return;
    }
    setError(null);
    setSaving(true);
    try {
      const { schedule: saved } = await putSchedule({ digestTime: time });
      onSaved(saved);
      toast.success(`Daily digest at ${saved.digestTime} (${saved.timezone})`);
    } catch (error) {
      toast.error("Could not save the digest time", { description: (error as Error).message });
    } finally {
      setSaving(false);
    }
  }
  return (
    <form onSubmit={save} className={card} aria-labelledby="digest-time-legend">
      <h3 id="digest-time-legend" className="text-base font-semibold">
        Daily digest
      </h3>
      <label htmlFor="digest-time" className={`${labelClass} mt-3`}>
        Send my daily digest at
      </label>
      <input
        id="digest-time"
        {...timeField}
        required
        value={time}
        onChange={(event) => setTime(event.target.value)}
        aria-describedby={error ? "digest-time-hint digest-time-error" : "digest-time-hint"}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} max-w-40`}
      />
      {error && (
        <p id="digest-time-error" role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <p id="digest-time-hint" className={hintClass}>
        {active
          ? `Categories set to a daily digest arrive once a day at ${schedule.digestTime} ${schedule.timezone}.`
          : "Used by categories set to a daily digest (none yet)."}{" "}
        24-hour, HH:MM.
      </p>
      <button type="submit" disabled={saving || time === schedule.digestTime} className={`${buttonClass()} mt-3`}>
        Save digest time
      </button>
    </form>
  );
}

function QuietHoursForm({ schedule, onSaved }: { schedule: ScheduleView; onSaved: (schedule: ScheduleView) => void }) {
  const [on, setOn] = useState(schedule.quietHours !== null);
  const [start, setStart] = useState(schedule.quietHours?.start ?? "20:00");
  const [end, setEnd] = useState(schedule.quietHours?.end ?? "07:00");
  const [days, setDays] = useState<QuietDays>(schedule.quietHours?.days ?? "every_day");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function save(event: React.FormEvent) {
    event.preventDefault();
    if (on && (!TIME.test(start) || !TIME.test(end))) {
      setError("Enter both times as HH:MM, 24-hour (for example 20:00 and 07:00).");
      return;
    }
    if (on && start === end) {
      setError("Start and end must differ.");
      return;
    }
    setError(null);
    setSaving(true);
    try {
      const { schedule: saved } = await putSchedule({ quietHours: on ? { start, end, days } : null });
      onSaved(saved);
      toast.success(
        saved.quietHours ? `Quiet hours ${saved.quietHours.start}–${saved.quietHours.end} saved` : "Quiet hours off",
      );
    } catch (failure) {
      toast.error("Could not save quiet hours", { description: (failure as Error).message });
    } finally {
      setSaving(false);
    }
  }
  return (
    <form onSubmit={save} className={card} aria-labelledby="quiet-hours-legend" noValidate>
      <h3 id="quiet-hours-legend" className="text-base font-semibold">
        Quiet hours
      </h3>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300" aria-live="polite" id="quiet-summary">
        {quietSummary(schedule)}
      </p>
      <div className="mt-3 flex items-center gap-2">
        <input
          id="quiet-on"
          type="checkbox"
          checked={on}
          onChange={(event) => setOn(event.target.checked)}
          className="size-4 rounded border-zinc-300 accent-brand-600"
        />
        <label htmlFor="quiet-on" className="text-sm font-medium">
          Hold email during quiet hours
        </label>
      </div>
      <fieldset disabled={!on} className="mt-3 grid grid-cols-2 gap-3 disabled:opacity-60">
        <legend className="sr-only">Quiet hours window</legend>
        <div>
          <label htmlFor="quiet-start" className={labelClass}>
            From
          </label>
          <input
            id="quiet-start"
            {...timeField}
            value={start}
            onChange={(event) => setStart(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "quiet-error" : undefined}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor="quiet-end" className={labelClass}>
            Until
          </label>
          <input
            id="quiet-end"
            {...timeField}
            value={end}
            onChange={(event) => setEnd(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "quiet-error" : undefined}
            className={inputClass}
          />
        </div>
        <div className="col-span-2">
          <label htmlFor="quiet-days" className={labelClass}>
            On
          </label>
          <select
            id="quiet-days"
            value={days}
            onChange={(event) => setDays(event.target.value as QuietDays)}
            aria-describedby="quiet-days-hint"
            className={inputClass}
          >
            {quietDaysOptions.map((option) => (
              <option key={option} value={option}>
                {quietDaysLabels[option]}
              </option>
            ))}
          </select>
          <p id="quiet-days-hint" className={hintClass}>
            A night belongs to the day it starts: weekdays covers Friday night, not Sunday night.
          </p>
        </div>
      </fieldset>
      {error && (
        <p id="quiet-error" role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <button type="submit" disabled={saving} className={`${buttonClass()} mt-3`}>
        Save quiet hours
      </button>
    </form>
  );
}
