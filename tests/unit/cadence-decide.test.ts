import { describe, expect, it } from "vitest";
import { decideCadence, type CadenceLevel } from "@/lib/preferences/cadence-decide";
import type { Cadence } from "@/lib/delivery-timing/windows";

// A user in a customer under a reseller under a distributor.
const names = ["Litware Inc.", "Contoso Reseller", "Northwind Distribution"] as const;
type Setting = { cadence?: Cadence | null; locked?: boolean; lockOwner?: { id: string; name: string } } | undefined;
const chain = (...settings: [Setting?, Setting?, Setting?]): CadenceLevel[] =>
  names.map((name, i) => ({ id: `org_${i}`, name, ...settings[i] }));

describe("decideCadence", () => {
  it("is instant when nothing is set", () => {
    expect(decideCadence({ levels: chain() })).toEqual({ cadence: "instant", locked: false, source: "default" });
  });

  it("the nearest organization's default applies, and the user's own choice beats it", () => {
    const levels = chain(undefined, { cadence: "daily" }, { cadence: "hourly" });
    expect(decideCadence({ levels })).toMatchObject({ cadence: "daily", source: "organization", sourceName: names[1] });
    expect(decideCadence({ levels, override: "hourly" })).toEqual({ cadence: "hourly", locked: false, source: "user" });
    expect(decideCadence({ levels, override: null }).cadence).toBe("daily");
  });

  it("a lock above fixes the value against the user and the organizations beneath", () => {
    const levels = chain({ cadence: "hourly" }, { cadence: "daily", locked: true });
    expect(decideCadence({ levels, override: "instant" })).toEqual({
      cadence: "daily",
      locked: true,
      source: "organization",
      sourceOrganizationId: "org_1",
      sourceName: names[1],
      lockedById: "org_1",
      lockedByName: names[1],
    });
  });

  it("a lock without a value locks what it inherits; the topmost lock wins", () => {
    expect(
      decideCadence({ levels: chain({ locked: true }, undefined, { cadence: "hourly" }), override: "daily" }),
    ).toMatchObject({
      cadence: "hourly",
      locked: true,
      lockedByName: names[0],
      sourceName: names[2],
    });
    expect(
      decideCadence({
        levels: chain({ cadence: "hourly", locked: true }, undefined, { cadence: "daily", locked: true }),
      }),
    ).toMatchObject({ cadence: "daily", lockedByName: names[2] });
  });

  it("a lock set on a customer by its reseller reads as the reseller's", () => {
    const levels = chain({ cadence: "daily", locked: true, lockOwner: { id: "org_1", name: names[1] } });
    expect(decideCadence({ levels, override: "instant" })).toMatchObject({
      cadence: "daily",
      sourceName: names[1],
      lockedByName: names[1],
    });
  });
});
