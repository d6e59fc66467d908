import { describe, expect, it } from "vitest";
import { fromWallTime, snoozePresets, snoozeProblem, toWallTime } from "@/lib/notifications/snooze-time";

const at = (iso: string) => new Date(iso);
const presets = (now: string, timezone: string) =>
  Object.fromEntries(snoozePresets(at(now), timezone).map((p) => [p.key, p.until.toISOString()]));

describe("snooze presets on the user's clock", () => {
  it("in 1 hour, tomorrow 09:00 and Monday 09:00, in the user's timezone", () => {
    // Wednesday 25 November 2026, 15:20 in Berlin (UTC+1).
    expect(presets("2026-11-25T14:20:00Z", "Europe/Berlin")).toEqual({
      hour: "2026-11-25T15:20:00.000Z",
      tomorrow: "2026-11-26T08:00:00.000Z",
      "next-week": "2026-11-30T08:00:00.000Z",
    });
  });

  it("tomorrow is the user's tomorrow, not the server's", () => {
    // 23:30 UTC on Wednesday is already Thursday 08:30 in Tokyo: tomorrow is Friday there.
    expect(presets("2026-11-25T23:30:00Z", "Asia/Tokyo").tomorrow).toBe("2026-11-27T00:00:00.000Z");
    // …and still Wednesday 15:30 in Los Angeles.
    expect(presets("2026-11-25T23:30:00Z", "America/Los_Angeles").tomorrow).toBe("2026-11-26T17:00:00.000Z");
  });

  it("next week from a Monday is the Monday after, from a Sunday the next day", () => {
    expect(presets("2026-11-30T10:00:00Z", "UTC")["next-week"]).toBe("2026-12-07T09:00:00.000Z");
    expect(presets("2026-11-29T10:00:00Z", "UTC")["next-week"]).toBe("2026-11-30T09:00:00.000Z");
  });

  it("across the spring change: 09:00 on the new offset, and an hour is an hour", () => {
    // Saturday 28 March 2026 12:00 CET; clocks go forward on Sunday 29 March at 02:00.
    expect(presets("2026-03-28T11:00:00Z", "Europe/Berlin").tomorrow).toBe("2026-03-29T07:00:00.000Z");
    // 01:30 CET on the night of the change: an hour later the clock shows 03:30 CEST.
    const hour = presets("2026-03-29T00:30:00Z", "Europe/Berlin").hour!;
    expect(hour).toBe("2026-03-29T01:30:00.000Z");
    expect(toWallTime(new Date(hour), "Europe/Berlin")).toBe("2026-03-29T03:30");
  });

  it("across the autumn change: next Monday 09:00 on the winter offset", () => {
    // Friday 30 October 2026 in New York (EDT); clocks go back on Sunday 1 November. A week earlier: EDT.
    expect(presets("2026-10-30T16:00:00Z", "America/New_York")["next-week"]).toBe("2026-11-02T14:00:00.000Z");
    expect(presets("2026-10-23T16:00:00Z", "America/New_York")["next-week"]).toBe("2026-10-26T13:00:00.000Z");
  });
});

describe("the picker's wall time", () => {
  it("round-trips on the user's clock", () => {
    const instant = fromWallTime("2026-12-24T18:45", "Europe/Berlin")!;
    expect(instant.toISOString()).toBe("2026-12-24T17:45:00.000Z");
    expect(toWallTime(instant, "Europe/Berlin")).toBe("2026-12-24T18:45");
  });

  it("a time the clock skips moves forward by the gap; one it shows twice is the first", () => {
    expect(fromWallTime("2026-03-29T02:30", "Europe/Berlin")!.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(fromWallTime("2026-10-25T02:30", "Europe/Berlin")!.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("refuses what is not a date and time", () => {
    for (const value of ["", "2026-02-30T10:00", "2026-12-24", "2026-12-24T24:00", "tomorrow"]) {
      expect(fromWallTime(value, "UTC")).toBeNull();
    }
  });
});

describe("the API's limits", () => {
  const now = at("2026-11-25T12:00:00Z");
  it("in the future and at most 365 days ahead", () => {
    expect(snoozeProblem(at("2026-11-25T12:00:00Z"), now)).toBe("Must be in the future");
    expect(snoozeProblem(at("2026-11-25T12:00:01Z"), now)).toBeNull();
    expect(snoozeProblem(at("2027-11-25T12:00:00Z"), now)).toBeNull();
    expect(snoozeProblem(at("2027-11-25T12:00:01Z"), now)).toBe("Must be at most 365 days ahead");
  });
});
