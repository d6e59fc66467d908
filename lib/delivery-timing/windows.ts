// When an email may go out: its category's cadence (instant, or an hourly or daily digest) and the
// user's quiet hours, both on the user's own clock. Pure functions of a given instant, so tests
// control the clock. Client-safe.
import { addDays, formatMinute, instantAt, knownTimezone, wallTime, weekdayOf, type CalendarDate } from "./zoned";

export type Cadence = "instant" | "hourly" | "daily";
export const cadences: readonly Cadence[] = ["instant", "hourly", "daily"];
export const cadenceLabels: Record<Cadence, string> = {
  instant: "Instant",
  hourly: "Hourly digest",
  daily: "Daily digest",
};

/** Which days a quiet window may start on (an overnight window belongs to the day it starts). */
export type QuietDays = "every_day" | "weekdays" | "weekends";
export const quietDaysOptions: readonly QuietDays[] = ["every_day", "weekdays", "weekends"];
export const quietDaysLabels: Record<QuietDays, string> = {
  every_day: "Every day",
  weekdays: "Weekdays (Monday–Friday)",
  weekends: "Weekends (Saturday and Sunday)",
};

export interface QuietHours {
  /** Minutes after midnight; start after end is an overnight window (20:00–07:00). Never equal. */
  start: number;
  end: number;
  days: QuietDays;
}

export interface DeliverySchedule {
  /** When the daily digest goes out, in minutes after midnight. */
  digestMinute: number;
  quietHours: QuietHours | null;
}

export const defaultSchedule: DeliverySchedule = { digestMinute: 8 * 60, quietHours: null };

function startsOn(days: QuietDays, date: CalendarDate): boolean {
  if (days === "every_day") return true;
  const weekday = weekdayOf(date);
  const weekend = weekday === 0 || weekday === 6;
  return days === "weekends" ? weekend : !weekend;
}

/** When the quiet window `now` falls in ends; null when `now` is outside quiet hours. */
export function quietUntil(now: Date, quiet: QuietHours | null, timezone: string): Date | null {
  if (!quiet || quiet.start === quiet.end) return null;
  const clock = wallTime(now, timezone);
  const today: CalendarDate = clock;
  let end: Date | null = null;
  if (quiet.start < quiet.end) {
    if (clock.minute >= quiet.start && clock.minute < quiet.end && startsOn(quiet.days, today))
      end = instantAt(today, quiet.end, timezone);
  } else if (clock.minute >= quiet.start && startsOn(quiet.days, today)) {
    end = instantAt(addDays(today, 1), quiet.end, timezone);
  } else if (clock.minute < quiet.end && startsOn(quiet.days, addDays(today, -1))) {
    end = instantAt(today, quiet.end, timezone);
  }
  return end && end > now ? end : null;
}

const QUARTER_HOUR = 15 * 60_000;

/** The next full hour on the user's clock, strictly after `now` (offsets are whole quarter hours). */
function nextFullHour(now: Date, timezone: string): Date {
  let candidate = Math.floor(now.getTime() / QUARTER_HOUR) * QUARTER_HOUR;
  for (let step = 0; step < 8; step++) {
    candidate += QUARTER_HOUR;
    if (wallTime(new Date(candidate), timezone).minute % 60 === 0) return new Date(candidate);
  }
  return new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 3_600_000);
}

/** The next time the daily digest goes out, strictly after `now`. */
function nextDailyAt(now: Date, minute: number, timezone: string): Date {
  const today = wallTime(now, timezone);
  const candidate = instantAt(today, minute, timezone);
  return candidate > now ? candidate : instantAt(addDays(today, 1), minute, timezone);
}

/**
 * When the digest that an email created at `now` joins goes out: the end of its hour or the next
 * daily time; a digest due inside quiet hours goes out when they end (the night's hourly digests
 * become one at the end of the night).
 */
export function nextDigestAt(
  now: Date,
  cadence: Exclude<Cadence, "instant">,
  schedule: DeliverySchedule,
  timezone: string,
): Date {
  const due = cadence === "hourly" ? nextFullHour(now, timezone) : nextDailyAt(now, schedule.digestMinute, timezone);
  return quietUntil(due, schedule.quietHours, timezone) ?? due;
}

/** What happens to one email: sent now, held for quiet hours, or listed in a digest. */
export type EmailTiming =
  | { kind: "instant" }
  | { kind: "quiet_hours"; until: Date }
  | { kind: "digest"; cadence: Exclude<Cadence, "instant">; at: Date };

export function decideEmailTiming(params: {
  now: Date;
  /** Critical types (and types carrying sensitive fields) always go at once, whatever the settings. */
  alwaysInstant: boolean;
  cadence: Cadence;
  schedule: DeliverySchedule;
  timezone: string;
}): EmailTiming {
  const { now, cadence, schedule } = params;
  if (params.alwaysInstant) return { kind: "instant" };
  const timezone = knownTimezone(params.timezone);
  if (cadence !== "instant") return { kind: "digest", cadence, at: nextDigestAt(now, cadence, schedule, timezone) };
  const until = quietUntil(now, schedule.quietHours, timezone);
  return until ? { kind: "quiet_hours", until } : { kind: "instant" };
}

/** "07:00 Europe/Berlin": an instant on the user's clock, with the timezone's name. */
export function clockText(instant: Date, timezone: string): string {
  const zone = knownTimezone(timezone);
  return `${formatMinute(wallTime(instant, zone).minute)} ${zone}`;
}

/** The sentence the settings and the delivery trail use for quiet hours. */
export function quietHoursText(quiet: QuietHours | null): string {
  if (!quiet) return "No quiet hours";
  const days = quiet.days === "every_day" ? "every day" : quiet.days === "weekdays" ? "on weekdays" : "on weekends";
  return `${formatMinute(quiet.start)}–${formatMinute(quiet.end)} ${days}`;
}

/** The trail's note for a held email: "held for quiet hours until 07:00 Europe/Berlin". */
export function holdText(held: {
  reason: "quiet_hours" | "digest";
  until: string;
  timezone: string;
  cadence?: string;
}) {
  const when = clockText(new Date(held.until), held.timezone);
  return held.reason === "quiet_hours"
    ? `held for quiet hours until ${when}`
    : `held for the ${held.cadence ?? "next"} digest at ${when}`;
}
