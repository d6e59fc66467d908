// The console overview as a dashboard: traffic, outcomes, queues, failures per reseller and the
// top rejections, from data the test sends through the Platform API; each chart has a text
// alternative (its accessible name and a data table), and the page passes the axe scan.
import { test, expect, signIn, uniqueId } from "./fixtures";
import { scanPage } from "./a11y/axe";

test("a platform admin reads delivery health at a glance, as charts and as text", async ({ page, platform }) => {
  await platform.event({
    type: "subscription.renewal_failed",
    organizationId: "cust_adatum",
    data: {
      subscriptionId: "sub_dash",
      subscriptionName: "Microsoft 365 E3",
      errorMessage: "Card declined",
      retryAt: "2026-11-28T10:00:00Z",
    },
  });
  const rejected = await platform.send("/api/v1/events", {
    id: uniqueId("evt"),
    type: "subscription.renewal_failed",
    occurredAt: new Date().toISOString(),
    organizationId: "cust_nowhere",
    data: {},
  });
  expect(rejected.status).toBe(422);

  await signIn(page, "admin@platform.example");
  await page.goto("/admin");

  const traffic = page.getByRole("figure", { name: /events and notifications per hour, the last 24 hours/i });
  await expect(traffic.getByRole("img", { name: /[1-9][\d,]* events and [1-9][\d,]* notifications/ })).toBeVisible();
  // The text alternative holds the same figures.
  await traffic.getByText("Show data").click();
  await expect(traffic.getByRole("table").getByRole("row")).not.toHaveCount(1);

  const outcomes = page.getByRole("figure", { name: /delivery outcome by channel/i });
  await expect(outcomes.getByRole("img", { name: /In-app: [1-9]\d* delivered.*Email: .*Webhook: / })).toBeVisible();

  await expect(
    page
      .getByRole("definition")
      .filter({ hasText: /^\d[\d,]*$/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "Email queue" })).toBeVisible();

  const resellers = page.getByRole("table", { name: /failure rate by reseller/i });
  await expect(resellers.getByRole("rowheader", { name: "Contoso Reseller" })).toBeVisible();

  const rejections = page.getByRole("table", { name: /top rejected reasons/i });
  await expect(rejections.getByRole("rowheader", { name: "validation_failed" })).toBeVisible();

  // The 7-day view, by keyboard.
  await page.getByRole("link", { name: "Last 7 days" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/range=7d/);
  await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("figure", { name: /per hour, the last 7 days/i })).toBeVisible();

  expect((await scanPage(page, "dashboard")).map((v) => v.text).join("\n\n")).toBe("");
});
