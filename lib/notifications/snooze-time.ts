// When a snooze ends: the menu's presets on the user's own clock (User.timezone), the picker's
// wall time, and the limits the API enforces. Pure and client-safe; `now` is always passed in.
import { addDays, instantAt, parseMinute, wallTime, type CalendarDate } from "@/lib/delivery-timing/zoned";

/** The furthest a snooze may reach; the API answers 422 beyond it. */
export const MAX_SNOOZE_DAYS = 365;
export const MAX_SNOOZE_MS = MAX_SNOOZE_DAYS * 86_400_000;

/** Morning, as "tomorrow morning" and "next week" mean it. */
const MORNING = 9 * 60;

export interface SnoozePreset {
  key: "hour" | "tomorrow" | "next-week";
  label: string;
  until: Date;
}

export function snoozePresets(now: Date, timezone: string): SnoozePreset[] {
  const today = wallTime(now, timezone);
  // Monday 0 … Sunday 6: days to the coming Monday (a whole week from a Monday).
  const toMonday = 7 - ((today.weekday + 6) % 7);
  return [
    { key: "hour", label: "In 1 hour", until: new Date(now.getTime() + 3_600_000) },
    { key: "tomorrow", label: "Tomorrow morning", until: instantAt(addDays(today, 1), MORNING, timezone) },
    { key: "next-week", label: "Next week", until: instantAt(addDays(today, toMonday), MORNING, timezone) },
  ];
}

/** The instant of a picker's "YYYY-MM-DDTHH:MM" on the user's clock, or null if it is not one. */
export function fromWallTime(value: string, timezone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(value);
  const minute = match ? parseMinute(match[4]!) : null;
  if (!match || minute === null) return null;
  const date: CalendarDate = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (check.getUTCMonth() !== date.month - 1 || check.getUTCDate() !== date.day) return null;
  return instantAt(date, minute, timezone);
}

/** "YYYY-MM-DDTHH:MM" on the user's clock: a picker's value for an instant. */
export function toWallTime(instant: Date, timezone: string): string {
  const wall = wallTime(instant, timezone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(Math.floor(wall.minute / 60))}:${pad(wall.minute % 60)}`;
}

/** Why a snooze end is refused, or null when it is fine. */
export function snoozeProblem(until: Date, now: Date): string | null {
  if (until.getTime() <= now.getTime()) return "Must be in the future";
  if (until.getTime() - now.getTime() > MAX_SNOOZE_MS) return `Must be at most ${MAX_SNOOZE_DAYS} days ahead`;
  return null;
}
