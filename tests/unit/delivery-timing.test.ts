// Cadence windows and quiet hours on the user's clock, with the clock under test control: every
// function takes the instant it decides for. DST dates: Europe/Berlin springs forward on
// 29 Mar 2026 (02:00 → 03:00) and falls back on 25 Oct 2026 (03:00 → 02:00); America/New_York
// springs forward on 8 Mar 2026 and falls back on 1 Nov 2026 (both at 02:00).
import { describe, expect, it } from "vitest";
import {
  clockText,
  decideEmailTiming,
  nextDigestAt,
  quietUntil,
  type DeliverySchedule,
  type QuietHours,
} from "@/lib/delivery-timing/windows";
import { instantAt, parseMinute, wallTime } from "@/lib/delivery-timing/zoned";

const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;
const daily = (minute: number, quietHours: QuietHours | null = null): DeliverySchedule => ({
  digestMinute: minute,
  quietHours,
});
const night: QuietHours = { start: 20 * 60, end: 7 * 60, days: "every_day" };

describe("wall time and its instant", () => {
  it("reads a clock in a timezone, with the weekday", () => {
    expect(wallTime(at("2026-06-01T19:30:00Z"), "Europe/Berlin")).toEqual({
      year: 2026,
      month: 6,
      day: 1,
      minute: 21 * 60 + 30,
      weekday: 1,
    });
  });

  it("a time the clock skips in spring moves forward by the gap; one it shows twice in autumn is the first", () => {
    const spring = { year: 2026, month: 3, day: 29 };
    expect(iso(instantAt(spring, 2 * 60 + 30, "Europe/Berlin"))).toBe("2026-03-29T01:30:00.000Z"); // 03:30 CEST
    const autumn = { year: 2026, month: 10, day: 25 };
    expect(iso(instantAt(autumn, 2 * 60 + 30, "Europe/Berlin"))).toBe("2026-10-25T00:30:00.000Z"); // 02:30 CEST
    expect(iso(instantAt({ year: 2026, month: 3, day: 8 }, 2 * 60 + 30, "America/New_York"))).toBe(
      "2026-03-08T07:30:00.000Z", // 03:30 EDT
    );
  });

  it("parses only 24-hour HH:MM", () => {
    expect(parseMinute("07:00")).toBe(420);
    expect(parseMinute("23:59")).toBe(1439);
    for (const bad of ["24:00", "7:00", "07:60", "", "07:00:00", "ab:cd"]) expect(parseMinute(bad)).toBeNull();
  });
});

describe("daily digest", () => {
  it("goes out at the chosen time on the user's clock, the next one when that time has passed", () => {
    const eight = daily(8 * 60);
    expect(iso(nextDigestAt(at("2026-06-01T05:00:00Z"), "daily", eight, "Europe/Berlin"))).toBe(
      "2026-06-01T06:00:00.000Z",
    );
    // 08:00 exactly is that digest's end: the next item waits for tomorrow's.
    expect(iso(nextDigestAt(at("2026-06-01T06:00:00Z"), "daily", eight, "Europe/Berlin"))).toBe(
      "2026-06-02T06:00:00.000Z",
    );
  });

  it("keeps 08:00 local across the spring and autumn changes (a 23- and a 25-hour day)", () => {
    const eight = daily(8 * 60);
    // Saturday 13:00 CET → Sunday 08:00 CEST: 06:00 UTC, not the 07:00 UTC of the day before.
    expect(iso(nextDigestAt(at("2026-03-28T12:00:00Z"), "daily", eight, "Europe/Berlin"))).toBe(
      "2026-03-29T06:00:00.000Z",
    );
    expect(iso(nextDigestAt(at("2026-10-24T12:00:00Z"), "daily", eight, "Europe/Berlin"))).toBe(
      "2026-10-25T07:00:00.000Z",
    );
    expect(iso(nextDigestAt(at("2026-03-07T20:00:00Z"), "daily", eight, "America/New_York"))).toBe(
      "2026-03-08T12:00:00.000Z",
    );
    expect(iso(nextDigestAt(at("2026-10-31T20:00:00Z"), "daily", eight, "America/New_York"))).toBe(
      "2026-11-01T13:00:00.000Z",
    );
  });

  it("a digest time inside the skipped hour goes out once, an hour later on the clock", () => {
    const halfPastTwo = daily(2 * 60 + 30);
    expect(iso(nextDigestAt(at("2026-03-28T23:00:00Z"), "daily", halfPastTwo, "Europe/Berlin"))).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    // In autumn 02:30 happens twice: the digest goes at the first; items after it wait for the next day.
    expect(iso(nextDigestAt(at("2026-10-24T23:00:00Z"), "daily", halfPastTwo, "Europe/Berlin"))).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(iso(nextDigestAt(at("2026-10-25T01:10:00Z"), "daily", halfPastTwo, "Europe/Berlin"))).toBe(
      "2026-10-26T01:30:00.000Z",
    );
  });
});

describe("hourly digest", () => {
  it("goes out at the next full hour of the user's clock, also in half-hour timezones", () => {
    expect(iso(nextDigestAt(at("2026-06-01T10:10:00Z"), "hourly", daily(480), "Europe/Berlin"))).toBe(
      "2026-06-01T11:00:00.000Z",
    );
    expect(iso(nextDigestAt(at("2026-06-01T10:00:00Z"), "hourly", daily(480), "Europe/Berlin"))).toBe(
      "2026-06-01T11:00:00.000Z",
    );
    expect(iso(nextDigestAt(at("2026-06-01T10:10:00Z"), "hourly", daily(480), "Asia/Kolkata"))).toBe(
      "2026-06-01T10:30:00.000Z",
    );
  });

  it("counts real hours through the autumn change (01:00 EDT, then 01:00 EST)", () => {
    const schedule = daily(480);
    expect(iso(nextDigestAt(at("2026-11-01T05:10:00Z"), "hourly", schedule, "America/New_York"))).toBe(
      "2026-11-01T06:00:00.000Z",
    );
    expect(iso(nextDigestAt(at("2026-11-01T06:10:00Z"), "hourly", schedule, "America/New_York"))).toBe(
      "2026-11-01T07:00:00.000Z",
    );
    // Spring: 01:59 EST is followed by 03:00 EDT.
    expect(iso(nextDigestAt(at("2026-03-08T06:30:00Z"), "hourly", schedule, "America/New_York"))).toBe(
      "2026-03-08T07:00:00.000Z",
    );
  });

  it("the night's hourly digests become one when quiet hours end", () => {
    const quiet = daily(480, night);
    // 23:10 Berlin → the 07:00 digest, and so is everything until 07:00.
    for (const created of ["2026-06-01T21:10:00Z", "2026-06-02T02:00:00Z", "2026-06-02T04:59:00Z"])
      expect(iso(nextDigestAt(at(created), "hourly", quiet, "Europe/Berlin"))).toBe("2026-06-02T05:00:00.000Z");
    // 19:30: the 20:00 digest would fall in quiet hours, so it too waits until 07:00.
    expect(iso(nextDigestAt(at("2026-06-01T17:30:00Z"), "hourly", quiet, "Europe/Berlin"))).toBe(
      "2026-06-02T05:00:00.000Z",
    );
    // 18:30: the 19:00 digest goes.
    expect(iso(nextDigestAt(at("2026-06-01T16:30:00Z"), "hourly", quiet, "Europe/Berlin"))).toBe(
      "2026-06-01T17:00:00.000Z",
    );
  });
});

describe("quiet hours", () => {
  it("an overnight window: start included, end excluded", () => {
    const berlin = (utc: string) => iso(quietUntil(at(utc), night, "Europe/Berlin"));
    expect(berlin("2026-06-01T17:59:00Z")).toBeNull(); // 19:59
    expect(berlin("2026-06-01T18:00:00Z")).toBe("2026-06-02T05:00:00.000Z"); // 20:00
    expect(berlin("2026-06-01T21:59:00Z")).toBe("2026-06-02T05:00:00.000Z"); // 23:59
    expect(berlin("2026-06-01T22:00:00Z")).toBe("2026-06-02T05:00:00.000Z"); // 00:00
    expect(berlin("2026-06-02T04:59:00Z")).toBe("2026-06-02T05:00:00.000Z"); // 06:59
    expect(berlin("2026-06-02T05:00:00Z")).toBeNull(); // 07:00
  });

  it("a daytime window", () => {
    const lunch: QuietHours = { start: 12 * 60, end: 13 * 60, days: "every_day" };
    expect(iso(quietUntil(at("2026-06-01T10:30:00Z"), lunch, "Europe/Berlin"))).toBe("2026-06-01T11:00:00.000Z");
    expect(quietUntil(at("2026-06-01T11:00:00Z"), lunch, "Europe/Berlin")).toBeNull();
    expect(quietUntil(at("2026-06-01T09:59:00Z"), lunch, "Europe/Berlin")).toBeNull();
  });

  it("weekdays: a night belongs to the day it starts (Friday night is quiet, Sunday night is not)", () => {
    const weekdays: QuietHours = { ...night, days: "weekdays" };
    const berlin = (utc: string) => iso(quietUntil(at(utc), weekdays, "Europe/Berlin"));
    expect(berlin("2026-06-05T20:00:00Z")).toBe("2026-06-06T05:00:00.000Z"); // Friday 22:00 → Saturday 07:00
    expect(berlin("2026-06-06T03:00:00Z")).toBe("2026-06-06T05:00:00.000Z"); // Saturday 05:00, Friday's night
    expect(berlin("2026-06-06T20:00:00Z")).toBeNull(); // Saturday 22:00
    expect(berlin("2026-06-08T03:00:00Z")).toBeNull(); // Monday 05:00, Sunday's night
    expect(berlin("2026-06-08T20:00:00Z")).toBe("2026-06-09T05:00:00.000Z"); // Monday 22:00
  });

  it("weekends: Saturday and Sunday only", () => {
    const weekends: QuietHours = { start: 9 * 60, end: 18 * 60, days: "weekends" };
    expect(iso(quietUntil(at("2026-06-06T08:00:00Z"), weekends, "Europe/Berlin"))).toBe("2026-06-06T16:00:00.000Z");
    expect(iso(quietUntil(at("2026-06-07T08:00:00Z"), weekends, "Europe/Berlin"))).toBe("2026-06-07T16:00:00.000Z");
    expect(quietUntil(at("2026-06-08T08:00:00Z"), weekends, "Europe/Berlin")).toBeNull();
  });

  it("ends at 07:00 on the clock through a DST night", () => {
    const nyc = (utc: string) =>
      iso(quietUntil(at(utc), { start: 22 * 60, end: 7 * 60, days: "every_day" }, "America/New_York"));
    // Saturday 7 Mar 23:00 EST → Sunday 07:00 EDT (11:00 UTC): a 8-hour night.
    expect(nyc("2026-03-08T04:00:00Z")).toBe("2026-03-08T11:00:00.000Z");
    // Saturday 31 Oct 23:00 EDT → Sunday 07:00 EST (12:00 UTC): a 9-hour night.
    expect(nyc("2026-11-01T03:00:00Z")).toBe("2026-11-01T12:00:00.000Z");
    expect(iso(quietUntil(at("2026-03-28T22:00:00Z"), night, "Europe/Berlin"))).toBe("2026-03-29T05:00:00.000Z");
  });
});

describe("what happens to one email", () => {
  const schedule = daily(8 * 60, night);
  const base = { schedule, timezone: "Europe/Berlin", alwaysInstant: false };
  const late = at("2026-06-01T21:00:00Z"); // 23:00 Berlin

  it("instant outside quiet hours goes now; inside, it waits until they end", () => {
    expect(decideEmailTiming({ ...base, now: at("2026-06-01T10:00:00Z"), cadence: "instant" })).toEqual({
      kind: "instant",
    });
    expect(decideEmailTiming({ ...base, now: late, cadence: "instant" })).toEqual({
      kind: "quiet_hours",
      until: at("2026-06-02T05:00:00Z"),
    });
    expect(clockText(at("2026-06-02T05:00:00Z"), "Europe/Berlin")).toBe("07:00 Europe/Berlin");
  });

  it("a digest cadence joins the next digest, even inside quiet hours", () => {
    expect(decideEmailTiming({ ...base, now: late, cadence: "daily" })).toEqual({
      kind: "digest",
      cadence: "daily",
      at: at("2026-06-02T06:00:00Z"),
    });
  });

  it("critical (always-instant) types ignore cadence and quiet hours", () => {
    expect(decideEmailTiming({ ...base, alwaysInstant: true, now: late, cadence: "daily" })).toEqual({
      kind: "instant",
    });
  });

  it("an unknown timezone from directory sync counts as UTC", () => {
    expect(decideEmailTiming({ ...base, timezone: "Mars/Olympus", now: late, cadence: "daily" })).toEqual({
      kind: "digest",
      cadence: "daily",
      at: at("2026-06-02T08:00:00Z"),
    });
  });
});
