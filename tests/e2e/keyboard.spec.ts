// Keyboard only, beyond the bell and the inbox (bell.spec.ts): personal settings, an organization's
// settings and the console's API keys, reached with Tab and used with Space, Enter, the arrow keys
// and Escape. No click, no programmatic focus.
import type { Locator, Page } from "@playwright/test";
import { catalog } from "../../lib/notifications/catalog";
import { test, expect, signIn, uniqueId } from "./fixtures";
import { createUser, signInAs } from "./inbox-helpers";

const quoteLabel = catalog["quote.sent"].label;

/** Presses Tab (or Shift+Tab) until `target` has focus. */
async function tabTo(page: Page, target: Locator, { back = false, max = 250 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

test("personal settings by keyboard: a switch with Space, the reset dialog with Enter and Escape", async ({
  page,
  platform,
}) => {
  test.setTimeout(60_000);
  const user = await createUser(platform, "Kay Keys");
  await signInAs(page, platform, user);
  await page.goto("/settings/notifications");
  const inApp = page.getByRole("switch", { name: `In-app for ${quoteLabel}` });
  await expect(inApp).toHaveAttribute("aria-checked", "true");
  await tabTo(page, inApp);
  await page.keyboard.press("Space");
  await expect(inApp).toHaveAttribute("aria-checked", "false");
  await expect(page.getByRole("status").filter({ hasText: `In-app for ${quoteLabel} turned off` })).toHaveCount(1);

  const reset = page.getByRole("button", { name: "Reset to organization defaults" });
  await tabTo(page, reset, { back: true });
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog", { name: "Reset to organization defaults?" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(reset).toBeFocused();
  await page.keyboard.press("Enter");
  await tabTo(page, dialog.getByRole("button", { name: "Reset", exact: true }));
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(inApp).toHaveAttribute("aria-checked", "true");
});

test("organization settings by keyboard: arrows choose in a radio group, Set all opens a menu", async ({
  page,
  platform,
}) => {
  test.setTimeout(60_000);
  const user = await createUser(platform, "Olga Org");
  await signInAs(page, platform, user);
  await page.goto(`/admin/organizations/${user.orgId}/notifications`);
  const group = page.getByRole("radiogroup", { name: `Email for ${quoteLabel}` });
  const inherit = group.getByRole("radio", { name: "Inherit" });
  await expect(inherit).toBeChecked();
  await tabTo(page, inherit);
  // Held as a person holds a key: Radix moves focus on a timer and checks the item only while the
  // arrow is still down, so an instant keydown+keyup on a busy machine moves focus without choosing.
  await page.keyboard.down("ArrowRight");
  await expect(group.getByRole("radio", { name: "On" })).toBeFocused();
  await page.keyboard.up("ArrowRight");
  await expect(group.getByRole("radio", { name: "On" })).toBeChecked();
  await expect(group.getByRole("radio", { name: "On" })).toBeFocused();

  const setAll = page.getByRole("button", { name: /^Set all: Email for every Quotes/ });
  await tabTo(page, setAll, { back: true });
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  // Opened by keyboard, the menu focuses its first item (Inherit); On, then Off follow.
  await expect(menu.getByRole("menuitem", { name: "Inherit" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "On" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Off" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveCount(0);
  await expect(setAll).toBeFocused();
  await expect(group.getByRole("radio", { name: "Off" })).toBeChecked();
});

test("console by keyboard: create an API key in its dialog, then revoke it after confirming", async ({ page }) => {
  test.setTimeout(60_000);
  const name = uniqueId("keyboard key");
  await signIn(page, "admin@platform.example");
  await page.goto("/admin/api-keys");
  const create = page.getByRole("button", { name: "Create API key" });
  await tabTo(page, create);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await tabTo(page, dialog.getByLabel("Name"));
  await page.keyboard.type(name);
  await tabTo(page, dialog.getByRole("group", { name: "Scopes" }).getByRole("checkbox", { name: /^events/ }));
  await page.keyboard.press("Space");
  await tabTo(page, dialog.getByRole("button", { name: "Create key" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("API key", { exact: true })).toHaveValue(/^nck_/);
  await tabTo(page, page.getByRole("button", { name: "Done" }));
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);

  const row = page.getByRole("region", { name: "API keys" }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Active");
  await tabTo(page, row.getByRole("button", { name: `Revoke API key ${name}` }));
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("cannot be undone");
  await tabTo(page, confirm.getByRole("button", { name: "Revoke key" }));
  await page.keyboard.press("Enter");
  await expect(row).toContainText("Revoked");
});
