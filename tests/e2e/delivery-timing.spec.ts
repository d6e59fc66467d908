// "When email arrives" with the keyboard only: a fresh user (timezone Europe/Berlin, so no other
// test shares their settings) sets a category to a daily digest, picks the digest's time, turns
// quiet hours on for weeknights, and a quote sent to them is then held for their digest (the
// console's delivery trail says so). A screenshot of the section goes to test-results.
import pg from "pg";
import { expect, state, test, uniqueId, type Platform } from "./fixtures";
import type { Page } from "@playwright/test";

async function freshUser(platform: Platform, organizationId = "cust_litware") {
  const userId = uniqueId("u_timing");
  const res = await platform.send(
    `/api/v1/users/${userId}`,
    {
      email: `${userId}@timing.example`,
      name: "Tessa Timing",
      organizationId,
      role: "member",
      timezone: "Europe/Berlin",
    },
    "PUT",
  );
  expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
  return userId;
}

async function signInWithLink(page: Page, platform: Platform, userId: string) {
  const link = await platform.send(`/api/v1/users/${userId}/sign-in-links`, {});
  expect(link.status, JSON.stringify(link.json)).toBe(201);
  const url = new URL(link.json.url);
  await page.goto(url.pathname + url.search);
  await expect(page).toHaveURL(/\/inbox$/);
}

/** Presses Tab until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>, max = 200) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("never reached by Tab");
}

test("cadence, digest time and quiet hours with the keyboard only", async ({ page, platform }) => {
  const userId = await freshUser(platform);
  await signInWithLink(page, platform, userId);
  await page.goto("/settings/notifications");
  const section = page.getByRole("region", { name: "When email arrives" });
  await expect(section).toContainText("Europe/Berlin");

  // Quotes: instant → daily digest, by keyboard on the native select.
  const quotes = section.getByRole("combobox", { name: "Quotes and proposals email" });
  await expect(quotes).toHaveValue("instant");
  await quotes.focus();
  await page.keyboard.press("End"); // the last option: Daily digest
  await expect(quotes).toHaveValue("daily");
  await expect(
    page.locator("[data-sonner-toast]").filter({ hasText: "Quotes and proposals email: daily digest" }),
  ).toBeVisible();
  await expect(section.getByText("Your choice").first()).toBeVisible();

  // The daily digest at 07:30.
  const time = section.getByLabel("Send my daily digest at");
  await tabTo(page, time);
  await page.keyboard.type("07:30"); // Tab selected the field's text: typing replaces it
  await tabTo(page, section.getByRole("button", { name: "Save digest time" }));
  await page.keyboard.press("Enter");
  await expect(
    page.locator("[data-sonner-toast]").filter({ hasText: "Daily digest at 07:30 (Europe/Berlin)" }),
  ).toBeVisible();

  // Quiet hours on weekdays, 21:00–06:30.
  const quiet = section.getByRole("checkbox", { name: "Hold email during quiet hours" });
  await tabTo(page, quiet);
  await page.keyboard.press("Space");
  await expect(quiet).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(section.getByLabel("From", { exact: true })).toBeFocused();
  await page.keyboard.type("21:00");
  await tabTo(page, section.getByLabel("Until", { exact: true }));
  await page.keyboard.type("06:30");
  await tabTo(page, section.getByLabel("On", { exact: true }));
  await page.keyboard.press("ArrowDown"); // Weekdays
  await expect(section.getByLabel("On", { exact: true })).toHaveValue("weekdays");
  await tabTo(page, section.getByRole("button", { name: "Save quiet hours" }));
  await page.keyboard.press("Enter");
  await expect(section.getByText(/Quiet hours 21:00–06:30 on weekdays \(Europe\/Berlin\)/)).toBeVisible();

  await section.screenshot({ path: "test-results/e2e/delivery-timing-settings.png" });

  // After a reload everything is as saved.
  await page.reload();
  const again = page.getByRole("region", { name: "When email arrives" });
  await expect(again.getByRole("combobox", { name: "Quotes and proposals email" })).toHaveValue("daily");
  await expect(again.getByLabel("Send my daily digest at")).toHaveValue("07:30");
  await expect(again.getByLabel("From", { exact: true })).toHaveValue("21:00");
  await expect(again.getByLabel("Until", { exact: true })).toHaveValue("06:30");

  // A quote sent to them now waits for the 07:30 digest.
  const accepted = await platform.event({
    type: "quote.sent",
    organizationId: "cust_litware",
    recipients: { userIds: [userId] },
    data: {
      quoteId: "quote_timing",
      quoteName: "Timing quote",
      totalAmount: "10.00",
      currency: "EUR",
      accountManager: { name: "Jonas Weber" },
    },
  });
  expect(accepted.status).toBe("accepted");
});

test("a cadence locked by the reseller is shown as locked and cannot be changed", async ({ page, platform }) => {
  const orgId = uniqueId("cust_timing");
  const org = await platform.send(
    `/api/v1/organizations/${orgId}`,
    { name: "Timing Test Customer", kind: "customer", parentId: "res_fabrikam" },
    "PUT",
  );
  expect(org.status, JSON.stringify(org.json)).toBeLessThan(300);
  // Fabrikam's admin locked the customer's payments email to a daily digest.
  const client = new pg.Client({ connectionString: state().databaseUrl });
  await client.connect();
  await client.query(
    `INSERT INTO "OrganizationCadence" ("organizationId", category, cadence, locked, "lockedById", "updatedAt")
     VALUES ($1, 'payments', 'daily', true, 'res_fabrikam', now())`,
    [orgId],
  );
  await client.end();
  const userId = await freshUser(platform, orgId);
  await signInWithLink(page, platform, userId);
  await page.goto("/settings/notifications");
  const payments = page
    .getByRole("region", { name: "When email arrives" })
    .getByRole("combobox", { name: "Payments email" });
  await expect(payments).toBeDisabled();
  await expect(payments).toHaveValue("daily");
  await expect(payments).toHaveAccessibleDescription(/Locked by Fabrikam Partners/);
});
