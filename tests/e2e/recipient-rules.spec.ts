// A reseller admin routes a customer's notification to another person with the keyboard only,
// previews it, and the platform's test event reaches that person's inbox live.
import { expect } from "@playwright/test";
import { signIn, test, uniqueId } from "./fixtures";
import { createUser, signInAs } from "./inbox-helpers";

test("a reseller admin edits a customer's recipient rule with the keyboard, previews it, and the new recipient gets the event live", async ({
  page,
  browser,
  platform,
}) => {
  test.setTimeout(120_000);
  const customer = await createUser(platform, "Ada Admin"); // a new customer under Contoso; its primary contact
  const beaId = uniqueId("u_bea");
  const bea = await platform.send(
    `/api/v1/users/${beaId}`,
    { email: `${beaId}@inbox.example`, name: "Bea Billing", organizationId: customer.orgId, role: "billing_admin" },
    "PUT",
  );
  expect(bea.status, JSON.stringify(bea.json)).toBeLessThan(300);

  // Bea's inbox is open in another browser.
  const beaContext = await browser.newContext();
  const beaPage = await beaContext.newPage();
  await signInAs(beaPage, platform, { userId: beaId, orgId: customer.orgId, name: "Bea Billing" });
  const bell = beaPage.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications");

  // Ryan (Contoso's admin) opens the customer's settings; from here on, only the keyboard.
  await signIn(page, "ryan@contoso.example");
  await page.goto(`/admin/organizations/${customer.orgId}/notifications`);
  const row = page.locator('[data-recipient-rule="quote.sent"]');
  await expect(row).toContainText("Customer's primary contact");
  await expect(row).toContainText("Catalog default");
  // A customer's page lists only types that reach customers: no seller-only "Catalog changes".
  await expect(page.locator('[data-recipient-rule="catalog.changed"]')).toHaveCount(0);

  await row.getByRole("button", { name: /Edit recipients/ }).focus();
  await page.keyboard.press("Enter");
  const editor = page.getByRole("form", { name: /Recipients of Quote received/ });
  await expect(editor).toBeVisible();
  const addTo = editor.getByRole("group", { name: "Add to To" });
  await addTo.getByLabel("Kind of recipient").focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(addTo.getByLabel("Kind of recipient")).toHaveValue("person");
  await addTo.getByLabel("Search people by name or email").focus();
  await page.keyboard.type("Bea");
  const pick = addTo.getByRole("button", { name: /^Add Bea Billing/ });
  await expect(pick).toBeVisible();
  await pick.focus();
  await page.keyboard.press("Enter");
  await expect(editor.getByRole("button", { name: "Remove Bea Billing from To" })).toBeVisible();
  await editor.getByRole("button", { name: "Save recipients" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Recipients of Quote received saved").first()).toBeVisible();
  await expect(row).toContainText("To: Customer's primary contact, Bea Billing");
  await expect(row).toContainText("Set here");

  // Preview: who gets it right now, and why.
  await row.getByRole("button", { name: "Show preview" }).focus();
  await page.keyboard.press("Enter");
  const preview = row.getByRole("table");
  await expect(preview.getByRole("row").filter({ hasText: "Bea Billing" })).toContainText("To");
  await expect(preview.getByRole("row").filter({ hasText: "Ada Admin" })).toContainText("To");
  await row.screenshot({ path: "test-results/recipient-rules-editor.png" });

  // The change is in the organization's history.
  await expect(page.getByRole("region", { name: "History", exact: true })).toContainText("Recipients");

  // A platform admin fires a test event from the console; Bea's bell updates without a reload.
  const admin = await browser.newPage();
  await signIn(admin, "admin@platform.example");
  await admin.goto(`/admin/test-event?organizationId=${customer.orgId}`);
  await admin.getByLabel("Type").selectOption("quote.sent");
  await expect(admin.getByLabel("Organization")).toHaveValue(customer.orgId);
  await expect(admin.getByText("Valid quote.sent data")).toBeVisible();
  await admin.getByRole("button", { name: "Send test event" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "accepted, 2 notifications" })).toBeVisible();
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread", { timeout: 15_000 });
  await beaPage.goto("/inbox");
  await expect(beaPage.locator("main [data-notification-item]").first()).toContainText(/quote/i);
  await admin.close();
  await beaContext.close();
});
