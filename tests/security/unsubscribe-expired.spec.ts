// Item 12: an expired unsubscribe link (UNSUBSCRIBE_LINK_DAYS, 60 by default) changes nothing and
// says so in words a recipient understands, with the way to the settings after signing in.
import { test, expect, DEMO_PASSWORD, SIGN_IN_TIMEOUT } from "../e2e/fixtures";
import { scanPage } from "../e2e/a11y/axe";

// The e2e server's secret (tests/e2e/server.ts): this test signs a link as that server would have, 90 days ago.
process.env.AUTH_SECRET = "e2e-test-secret-0123456789abcdefghij";

test("an expired unsubscribe link explains, changes nothing, and leads to the settings after signing in", async ({
  page,
}) => {
  const { createUnsubscribeToken } = await import("@/lib/email/unsubscribe-token");
  const token = createUnsubscribeToken({ userId: "u_ben", type: "order.note_added" }, Date.now() - 90 * 86_400_000);

  await page.goto(`/unsubscribe?token=${token}`);
  await expect(page).toHaveURL(/\/unsubscribe\/confirm\?token=/);
  await expect(page.getByRole("heading", { name: "This link has expired", level: 1 })).toBeVisible();
  await expect(page.getByText(/Unsubscribe links work for 60 days/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Unsubscribe" })).toHaveCount(0);
  expect(await scanPage(page, "expired link")).toEqual([]);
  await page.screenshot({ path: "test-results/e2e/unsubscribe-expired.png" });

  await page.getByRole("link", { name: "Sign in to manage your notification settings" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill("ben@adatum.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings\/notifications$/, { timeout: SIGN_IN_TIMEOUT });
  await expect(page.getByRole("heading", { name: "Notification settings", level: 1 })).toBeVisible();
});
