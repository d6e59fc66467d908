import { describe, expect, it } from "vitest";
import { decideCell, type OrgLevel } from "@/lib/preferences/decide";

// A user in a customer under a reseller under a distributor under the platform.
const names = ["Litware Inc.", "Contoso Reseller", "Northwind Distribution", "Marketplace Platform"] as const;
type Setting = { enabled?: boolean | null; locked?: boolean } | undefined;

function chain(...settings: [Setting?, Setting?, Setting?, Setting?]): OrgLevel[] {
  return names.map((name, i) => ({ id: `org_${i}`, name, ...settings[i] }));
}

const normal = { critical: false, defaultEnabled: true };

describe("decideCell: the first defined value wins", () => {
  it("falls back to the catalog default when nothing is set", () => {
    expect(decideCell({ channel: "email", rule: normal, levels: chain() })).toEqual({
      enabled: true,
      locked: false,
      source: "default",
    });
    expect(
      decideCell({ channel: "email", rule: { critical: false, defaultEnabled: false }, levels: chain() }).enabled,
    ).toBe(false);
  });

  // Every level set or unset: the nearest defined one decides.
  const levels = ["user", ...names] as const;
  for (let mask = 0; mask < 2 ** levels.length; mask++) {
    const set = levels.map((_, i) => Boolean(mask & (1 << i)));
    const label = levels.filter((_, i) => set[i]).join(" + ") || "nothing";
    it(`with ${label} set`, () => {
      // Each level that is set says "off", so any decision other than the default is visible.
      const settings = names.map((_, i) => (set[i + 1] ? { enabled: false } : undefined)) as [
        Setting,
        Setting,
        Setting,
        Setting,
      ];
      const decision = decideCell({
        channel: "email",
        rule: normal,
        levels: chain(...settings),
        override: set[0] ? false : undefined,
      });
      const first = set.indexOf(true);
      if (first === -1) return expect(decision).toEqual({ enabled: true, locked: false, source: "default" });
      expect(decision.enabled).toBe(false);
      expect(decision.locked).toBe(false);
      if (first === 0) expect(decision.source).toBe("user");
      else
        expect(decision).toMatchObject({
          source: "organization",
          sourceName: names[first - 1],
          sourceOrganizationId: `org_${first - 1}`,
        });
    });
  }

  it("treats an organization's null as inherit", () => {
    const decision = decideCell({
      channel: "email",
      rule: normal,
      levels: chain({ enabled: null }, { enabled: false }),
    });
    expect(decision).toMatchObject({ enabled: false, source: "organization", sourceName: "Contoso Reseller" });
  });

  it("a user override of null is no override", () => {
    expect(decideCell({ channel: "email", rule: normal, levels: chain(), override: null }).source).toBe("default");
  });
});

describe("decideCell: locks", () => {
  for (const [index, name] of names.entries()) {
    it(`a lock at ${name} fixes its value for everyone below`, () => {
      const settings: Setting[] = [{ enabled: true }, { enabled: true }, { enabled: true }, { enabled: true }];
      settings[index] = { enabled: false, locked: true };
      const decision = decideCell({
        channel: "email",
        rule: normal,
        levels: chain(...(settings as [Setting, Setting, Setting, Setting])),
        override: true,
      });
      expect(decision).toEqual({
        enabled: false,
        locked: true,
        source: "organization",
        sourceOrganizationId: `org_${index}`,
        sourceName: name,
        lockedById: `org_${index}`,
        lockedByName: name,
      });
    });
  }

  it("a lock without a value fixes the value inherited from above it", () => {
    const decision = decideCell({
      channel: "email",
      rule: normal,
      levels: chain({ enabled: true }, { enabled: null, locked: true }, { enabled: false }),
      override: true,
    });
    expect(decision).toMatchObject({
      enabled: false,
      locked: true,
      sourceName: "Northwind Distribution",
      lockedByName: "Contoso Reseller",
    });
  });

  it("a lock without any value above fixes the catalog default", () => {
    const decision = decideCell({
      channel: "email",
      rule: { critical: false, defaultEnabled: false },
      levels: chain(undefined, { locked: true }),
      override: true,
    });
    expect(decision).toMatchObject({
      enabled: false,
      locked: true,
      source: "default",
      lockedByName: "Contoso Reseller",
    });
  });

  it("a lock set on a customer by its reseller names the reseller, for the lock and the value", () => {
    const levels = chain({ enabled: false, locked: true }, { enabled: true });
    levels[0]!.lockOwner = { id: "org_1", name: "Contoso Reseller" };
    expect(decideCell({ channel: "email", rule: normal, levels, override: true })).toEqual({
      enabled: false,
      locked: true,
      source: "organization",
      sourceOrganizationId: "org_1",
      sourceName: "Contoso Reseller",
      lockedById: "org_1",
      lockedByName: "Contoso Reseller",
    });
  });

  it("the topmost lock wins over a lock below it", () => {
    const decision = decideCell({
      channel: "email",
      rule: normal,
      levels: chain({ enabled: true, locked: true }, undefined, { enabled: false, locked: true }),
    });
    expect(decision).toMatchObject({ enabled: false, lockedByName: "Northwind Distribution" });
  });

  it("the user's own organization can lock its users", () => {
    const decision = decideCell({
      channel: "email",
      rule: normal,
      levels: chain({ enabled: false, locked: true }),
      override: true,
    });
    expect(decision).toMatchObject({
      enabled: false,
      locked: true,
      source: "organization",
      lockedByName: "Litware Inc.",
    });
  });
});

describe("decideCell: critical types", () => {
  const critical = { critical: true, defaultEnabled: true };

  it("always deliver in-app, whatever anyone set or locked", () => {
    const decision = decideCell({
      channel: "in_app",
      rule: critical,
      levels: chain({ enabled: false }, { enabled: false, locked: true }),
      override: false,
    });
    expect(decision).toEqual({ enabled: true, locked: true, source: "critical" });
  });

  it("follow the normal rules for email", () => {
    expect(decideCell({ channel: "email", rule: critical, levels: chain(), override: false })).toMatchObject({
      enabled: false,
      source: "user",
    });
    expect(
      decideCell({
        channel: "email",
        rule: critical,
        levels: chain(undefined, { enabled: false, locked: true }),
        override: true,
      }),
    ).toMatchObject({ enabled: false, locked: true });
  });
});
