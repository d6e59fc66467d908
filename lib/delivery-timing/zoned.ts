// Wall-clock time in an IANA timezone, from the platform's Intl data (no library): what a user's
// clock shows at an instant, and the instant a user's clock shows a given time. Client-safe.

/** A calendar date (month 1–12). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

interface WallTime extends CalendarDate {
  /** Minutes since local midnight (0–1439). */
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// Checked once per name: constructing a formatter costs ~0.1 ms, and ingest asks for each recipient.
const known = new Map<string, string>();

/** The timezone if the platform knows it, else UTC (a bad value from directory sync must not stop a send). */
export function knownTimezone(timezone: string): string {
  let checked = known.get(timezone);
  if (checked === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: timezone });
      checked = timezone;
    } catch {
      checked = "UTC";
    }
    if (known.size >= 1_000) known.clear();
    known.set(timezone, checked);
  }
  return checked;
}

function formatter(timezone: string): Intl.DateTimeFormat {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: knownTimezone(timezone),
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    if (formatters.size >= 1_000) formatters.clear();
    formatters.set(timezone, format);
  }
  return format;
}

function parts(instant: Date, timezone: string) {
  const values: Record<string, number> = {};
  for (const part of formatter(timezone).formatToParts(instant)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return values as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** What a clock in `timezone` shows at `instant`. */
export function wallTime(instant: Date, timezone: string): WallTime {
  const p = parts(instant, timezone);
  return {
    year: p.year,
    month: p.month,
    day: p.day,
    minute: p.hour * 60 + p.minute,
    weekday: new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay(),
  };
}

/** The timezone's offset from UTC at `instant`, in milliseconds (whole seconds). */
function offsetMs(instant: number, timezone: string): number {
  const p = parts(new Date(instant), timezone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/**
 * The instant a clock in `timezone` shows `minute` (minutes after midnight, may exceed a day) on
 * `date`. Like Temporal's "compatible" disambiguation: a time the clock shows twice (autumn) is the
 * first of the two; a time it skips (spring) is moved forward by the gap (02:30 → 03:30).
 */
export function instantAt(date: CalendarDate, minute: number, timezone: string): Date {
  const local = Date.UTC(date.year, date.month - 1, date.day, 0, minute);
  const before = offsetMs(local - 86_400_000 / 2, timezone);
  const after = offsetMs(local + 86_400_000 / 2, timezone);
  const valid = [local - before, local - after].filter(
    (candidate) => offsetMs(candidate, timezone) === local - candidate,
  );
  if (valid.length) return new Date(Math.min(...valid));
  // In the gap: the offset from before it moves the time forward by the gap's length.
  return new Date(local - before);
}

/** "07:00" from minutes after midnight. */
export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** Minutes after midnight from "HH:MM" (24-hour), or null. */
export function parseMinute(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
