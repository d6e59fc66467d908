// Screenshots of the notification settings pages (user and admin), light and dark, desktop and
// phone, written to /tmp/shots/preferences for a person to look at. The test checks that each
// view rendered and that nothing overflows sideways on a phone.
import type { Page } from "@playwright/test";
import { test, expect, signIn, uniqueId, toast } from "./fixtures";

const dir = process.env.SHOTS_DIR ?? "/tmp/shots/preferences";

async function shoot(page: Page, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [device, size] of [
      ["desktop", { width: 1280, height: 900 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.mouse.move(0, 0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} ${device} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${dir}/${name}-${device}-${scheme}.png`, fullPage: false });
    }
  }
}

test("settings pages render in light and dark, on desktop and phone", async ({ page, browser, platform }) => {
  test.setTimeout(90_000);
  const orgId = uniqueId("cust_shots");
  const userId = uniqueId("u_shots");
  expect(
    (
      await platform.send(
        `/api/v1/organizations/${orgId}`,
        { name: "Proseware Ltd", kind: "customer", parentId: "res_fabrikam", primaryContactId: userId },
        "PUT",
      )
    ).status,
  ).toBeLessThan(300);
  expect(
    (
      await platform.send(
        `/api/v1/users/${userId}`,
        { email: `${userId}@shots.example`, name: "Sam Shots", organizationId: orgId, role: "member" },
        "PUT",
      )
    ).status,
  ).toBeLessThan(300);

  // Fabrikam's admin gives the new customer some settings: an "off", an "on", and a lock.
  await signIn(page, "fiona@fabrikam.example");
  const put = (body: object) => page.request.put(`/api/organizations/${orgId}/notification-settings`, { data: body });
  for (const body of [
    { type: "quote.sent", channel: "email", enabled: false, locked: true },
    { type: "order.status_changed", channel: "email", enabled: false },
    { type: "catalog.changed", channel: "email", enabled: true },
  ])
    expect((await put(body)).status()).toBe(200);
  await page.goto(`/admin/organizations/${orgId}/notifications`);
  await expect(page.getByRole("heading", { name: "Proseware Ltd" })).toBeVisible();
  await shoot(page, "admin-org");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("region", { name: "History", exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${dir}/admin-history-desktop.png` });
  await page.goto("/admin/organizations");
  await shoot(page, "admin-picker");

  const link = await platform.send(`/api/v1/users/${userId}/sign-in-links`, {});
  const context = await browser.newContext();
  const user = await context.newPage();
  const url = new URL(link.json.url);
  await user.goto(url.pathname + url.search);
  await expect(user).toHaveURL(/\/inbox$/);
  await user.goto("/settings/notifications");
  // A customer sees only the types that can reach a customer (no "Catalog changes", a seller-only type).
  await expect(user.getByRole("switch", { name: "In-app for Catalog changes" })).toHaveCount(0);
  await user.getByRole("switch", { name: "In-app for Order notes" }).click();
  await expect(toast(user, "turned off")).toBeVisible();
  await shoot(user, "user-settings");
  // The locked cell (Fabrikam's lock on quote emails), close up.
  await user.setViewportSize({ width: 1280, height: 900 });
  const quotes = user.getByRole("region", { name: "Quotes and proposals" });
  await expect(quotes.locator('[data-cell="quote.sent:email"]')).toContainText("Locked by Fabrikam Partners");
  for (const scheme of ["light", "dark"] as const) {
    await user.emulateMedia({ colorScheme: scheme });
    await quotes.screenshot({ path: `${dir}/user-locked-cell-${scheme}.png` });
  }
  await context.close();
});
