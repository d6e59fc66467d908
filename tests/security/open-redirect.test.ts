// After sign-in the browser goes to the callbackUrl: only ever a path on this site. Browsers turn
// "/\evil.example" into "//evil.example" and drop tabs, so these are the cases that matter.
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { safeReturnPath } from "@/lib/auth/return-path";

const offSite = [
  "/\\evil.example",
  "/\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/%5Cevil.example".replace("%5C", "\\"),
  "//evil.example",
  "///evil.example",
  "https://evil.example/inbox",
  "javascript:alert(1)",
  "inbox",
  "",
];

describe("the return path after sign-in", () => {
  it("refuses every way off the site, falling back to the inbox", () => {
    for (const value of offSite) expect(safeReturnPath(value), JSON.stringify(value)).toBe("/inbox");
    expect(safeReturnPath(["/inbox", "//evil.example"])).toBe("/inbox");
  });

  it("keeps paths on the site, with their query and fragment", () => {
    expect(safeReturnPath("/inbox?tab=unread")).toBe("/inbox?tab=unread");
    expect(safeReturnPath("/admin/events/evt_1#trail")).toBe("/admin/events/evt_1#trail");
    expect(safeReturnPath("/settings/../admin")).toBe("/admin");
  });

  it("NextAuth's redirect callback stays on the site too", async () => {
    const redirect = authOptions.callbacks!.redirect!;
    const baseUrl = "http://localhost:3999";
    const cases: [string, string][] = [
      ["/inbox?tab=unread", `${baseUrl}/inbox?tab=unread`],
      [`${baseUrl}/admin`, `${baseUrl}/admin`],
      ["/\\evil.example", `${baseUrl}/`],
      ["/\t/evil.example", `${baseUrl}/`],
      ["https://evil.example/", `${baseUrl}/`],
      [`${baseUrl}.evil.example/`, `${baseUrl}/`],
      [`${baseUrl}//evil.example`, `${baseUrl}/`],
    ];
    for (const [url, expected] of cases) expect(await redirect({ url, baseUrl }), url).toBe(expected);
  });
});
