import { test, expect, signIn, SIGN_IN_TIMEOUT } from "./fixtures";

test("a customer signs in, sees the app shell and signs out", async ({ page }) => {
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finbox/);

  await signIn(page, "alice@adatum.example");
  await expect(page.getByRole("banner")).toContainText("Adatum Corporation");
  await expect(page.getByRole("heading", { name: "Inbox" })).toBeVisible();

  await page.getByRole("button", { name: /Account menu for Alice Adatum/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wrong password shows a clear error and repeated failures are rate limited", async ({ page }) => {
  // Next adds its own (empty) route announcer with role alert; ours is the one with text.
  const error = page.getByRole("alert").filter({ hasText: /\w/ });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("mia@adatum.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(error).toHaveText("Wrong email or password.");

  for (let attempt = 0; attempt < 5; attempt++) {
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await expect(error).toContainText("Too many failed attempts");
  // Even the right password is refused while the account is locked out.
  await page.getByLabel("Password").fill("demo1234");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(error).toContainText("Too many failed attempts");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a deep link returns to the asked page after sign-in", async ({ page }) => {
  await page.goto("/inbox?tab=unread");
  await expect(page).toHaveURL(/callbackUrl=%2Finbox%3Ftab%3Dunread/);
  await page.getByLabel("Email").fill("ben@adatum.example");
  await page.getByLabel("Password").fill("demo1234");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/inbox\?tab=unread/, { timeout: SIGN_IN_TIMEOUT });
});

test("on a phone the sections an admin may open are in the account menu", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signIn(page, "ryan@contoso.example");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await page.getByRole("button", { name: /Account menu for Ryan Reseller/ }).click();
  await expect(page.getByRole("menuitem", { name: "Console" })).toHaveCount(0);
  await page.getByRole("menuitem", { name: "Organizations" }).click();
  await expect(page).toHaveURL(/\/admin\/organizations/);
});
