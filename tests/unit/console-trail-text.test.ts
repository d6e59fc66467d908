import { describe, expect, it } from "vitest";
import { describePreference, describeVia } from "@/components/console/trail-text";
import { statusTone } from "@/components/console/badge";
import { formatUtc } from "@/components/console/time";

describe("trail wording", () => {
  it("names the level that decided", () => {
    expect(
      describePreference({
        enabled: false,
        locked: true,
        source: "organization",
        sourceOrganizationId: "cust_woodgrove",
        sourceName: "Woodgrove Bank",
      }),
    ).toBe("Locked off by Woodgrove Bank");
    expect(
      describePreference({ enabled: true, locked: false, source: "organization", sourceName: "Contoso Reseller" }),
    ).toBe("Contoso Reseller's setting: on");
    expect(describePreference({ enabled: false, locked: false, source: "user" })).toBe("The user's own setting: off");
    expect(describePreference({ enabled: true, locked: true, source: "critical" })).toBe(
      "Critical type: in-app is always on",
    );
    expect(describePreference({ enabled: true, locked: false, source: "default" })).toBe("Catalog default: on");
    expect(describePreference(undefined)).toBeNull();
  });

  it("explains every way a recipient is chosen", () => {
    expect(describeVia("reseller.primary")).toBe("reseller's primary contact");
    expect(describeVia("explicit")).toBe("named in recipients.userIds");
    expect(describeVia("explicit_email")).toBe("named in recipients.emails");
  });

  it("colours outcomes and formats times in UTC", () => {
    expect(statusTone("accepted")).toBe("success");
    expect(statusTone("duplicate")).toBe("warning");
    expect(statusTone("bounced")).toBe("danger");
    expect(formatUtc(new Date("2026-11-26T18:30:12.345Z"))).toBe("2026-11-26 18:30:12 UTC");
  });
});
