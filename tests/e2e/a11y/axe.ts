// One axe-core scan of a page against WCAG 2.0, 2.1 and 2.2 at levels A and AA, reported as
// readable text: rule, impact, help, and where (selector and the failing summary).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

export interface Violation {
  rule: string;
  impact: string;
  text: string;
}

/**
 * Serious and critical violations on the page as it is now; `variant` names the view in the report.
 * `contrastOnly`: the same page again in the other colour scheme, where only colours changed.
 */
export async function scanPage(
  page: Page,
  variant: string,
  { contrastOnly = false, exclude = [] }: { contrastOnly?: boolean; exclude?: string[] } = {},
): Promise<Violation[]> {
  const builder = new AxeBuilder({ page });
  for (const selector of exclude) builder.exclude(selector);
  if (contrastOnly) builder.withRules(["color-contrast"]);
  else
    builder
      .withTags(WCAG_TAGS)
      // WCAG 2.5.3 Label in Name is still "experimental" in axe (off by default): we want it.
      .options({ rules: { "label-content-name-mismatch": { enabled: true } } });
  // The page as it settles: buttons fade their colours (transition-colors), and right after a
  // colour-scheme switch axe measured a ghost button's light-mode text on the dark background.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? "",
      text: [
        `[${variant}] ${v.id} (${v.impact}): ${v.help}`,
        ...v.nodes
          .slice(0, 5)
          .map((node) => `  - ${node.target.join(" ")}\n    ${(node.failureSummary ?? "").replace(/\n/g, "\n    ")}`),
        v.nodes.length > 5 ? `  … and ${v.nodes.length - 5} more` : "",
      ]
        .filter(Boolean)
        .join("\n"),
    }));
}
