import { describe, expect, it } from "vitest";
import { cellName, inheritedText, userSourceText } from "@/components/preferences/cell-text";
import type { OrganizationSettingItem, PreferenceItem } from "@/lib/preferences/items";

const base: PreferenceItem = {
  type: "quote.sent",
  category: "quotes",
  channel: "email",
  enabled: true,
  locked: false,
  source: "default",
};

describe("what a cell says", () => {
  it("names each control by channel and type", () => {
    expect(cellName("subscription.renewal_failed", "email")).toBe("Email for Renewal failed");
    expect(cellName("quote.sent", "in_app")).toBe("In-app for Quote received");
  });

  it("says where a user's value comes from", () => {
    expect(userSourceText(base)).toBe("Default");
    expect(userSourceText({ ...base, source: "user" })).toBe("Your choice");
    expect(userSourceText({ ...base, source: "organization", sourceName: "Contoso Reseller" })).toBe(
      "Set by Contoso Reseller",
    );
    expect(
      userSourceText({
        ...base,
        locked: true,
        source: "organization",
        sourceName: "Northwind Distribution",
        lockedBy: "Contoso Reseller",
      }),
    ).toBe("Locked by Contoso Reseller");
    expect(userSourceText({ ...base, channel: "in_app", locked: true, source: "critical" })).toBe(
      "Always on: critical",
    );
  });

  it("says what an organization inherits", () => {
    const item = {
      inherited: { enabled: false, source: "organization", sourceName: "Northwind Distribution" },
    } as OrganizationSettingItem;
    expect(inheritedText(item)).toBe("Off (Northwind Distribution)");
    expect(inheritedText({ inherited: { enabled: true, source: "default" } } as OrganizationSettingItem)).toBe(
      "On (default)",
    );
  });
});
