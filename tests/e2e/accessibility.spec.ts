// WCAG 2.2 A/AA scan of every page with axe-core: light and dark, desktop and a 390 px phone, signed
// in as the role that uses the page. Any serious or critical violation fails the test. One browser
// context per role, signed in once; each page is loaded once per width and scanned in both schemes
// (every rule in light; in dark, where only colours change, the contrast rule).
// Adding a page is one line in `pages` (a11y/pages.ts).
import { expect } from "./fixtures";
import { scanPage, type Violation } from "./a11y/axe";
import { closeSessions, pages, session, test } from "./a11y/pages";

const widths = [
  { name: "desktop", size: { width: 1280, height: 860 } },
  { name: "390 px", size: { width: 390, height: 844 } },
];

test.afterAll(closeSessions);

for (const entry of pages) {
  test(`axe: ${entry.name ?? entry.path} (${entry.role})`, async ({ browser, scanData: data }) => {
    // Four full scans; on the 2-core CI machine axe alone takes 15–25 s per scan of the largest pages
    // (the organization settings with the recipient editor open: ~95 s in all, over the old 90 s).
    test.setTimeout(240_000);
    const page = await session(browser, entry.role, data);
    const path = typeof entry.path === "string" ? entry.path : entry.path(data);
    const found: Violation[] = [];
    for (const width of widths) {
      await page.setViewportSize(width.size);
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(path);
      await entry.setup?.(page, data);
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        found.push(
          ...(await scanPage(page, `${width.name}, ${scheme}`, {
            contrastOnly: scheme === "dark",
            exclude: entry.exclude,
          })),
        );
      }
      await page.keyboard.press("Escape");
    }
    expect(found.map((v) => v.text).join("\n\n")).toBe("");
  });
}
