import { readFileSync } from "node:fs";
import pg from "pg";
import type { Page } from "@playwright/test";
import { test, expect, uniqueId } from "./fixtures";
import { bell, createUser, inboxItems, renewal, sendBatch, signInAs } from "./inbox-helpers";

/** Moves a snooze's end into the past in the test database, as if its time had come. */
async function makeDue(title: string) {
  const { databaseUrl } = JSON.parse(readFileSync(process.env.E2E_STATE_FILE ?? "tests/e2e/.state.json", "utf8"));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(
      `UPDATE "Notification" SET "snoozedUntil" = (now() AT TIME ZONE 'UTC') - interval '1 second'
       WHERE title LIKE $1 AND "snoozedUntil" IS NOT NULL`,
      [`%${title}%`],
    );
    expect(result.rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

/** Presses Tab until `target` has focus (at most `max` times). */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, max = 30) {
  for (let i = 0; i < max && !(await target.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
}

test("snooze by keyboard: the item leaves list and count in two tabs, waits in Snoozed, and comes back live at the top", async ({
  page,
  browser,
  platform,
}) => {
  const user = await createUser(platform);
  const names = [uniqueId("Snooze plan A"), uniqueId("Snooze plan B")];
  await sendBatch(
    platform,
    names.map((n) => renewal(user, n)),
  );
  await signInAs(page, platform, user);
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await signInAs(second, platform, user);
    await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread");
    await expect(bell(second)).toHaveAccessibleName("Notifications, 2 unread");

    // Keyboard only: into the feed, then to the snooze button of the older item, open the menu.
    const older = inboxItems(page).filter({ hasText: names[0]! });
    await tabTo(page, inboxItems(page).first());
    await page.keyboard.press("ArrowDown");
    await expect(older).toBeFocused();
    await tabTo(page, older.getByRole("button", { name: /^Snooze/ }), 6);
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitem", { name: /In 1 hour/ })).toBeFocused();
    await expect(menu.getByRole("menuitem", { name: /Tomorrow morning/ })).toContainText("09:00");
    await expect(menu.getByRole("menuitem", { name: /Next week/ })).toContainText(/Mon.*09:00/);
    await page.screenshot({ path: "test-results/snooze-menu.png" });
    await page.keyboard.press("Enter");

    // Gone from both tabs' lists and counts.
    for (const tab of [page, second]) {
      await expect(inboxItems(tab).filter({ hasText: names[0]! })).toHaveCount(0);
      await expect(bell(tab)).toHaveAccessibleName("Notifications, 1 unread");
    }

    // The Snoozed tab by keyboard: it lists the item with its return time.
    // Radix moves a tab list's focus a task after the key (setTimeout): each step is awaited, as a
    // user sees focus move before pressing again; three presses at once could end a tab short.
    await page.getByRole("tab", { name: "All" }).focus();
    for (const name of ["Unread", "Archived", "Snoozed"]) {
      await page.keyboard.press("ArrowRight");
      await expect(page.getByRole("tab", { name })).toBeFocused();
    }
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\?tab=snoozed/);
    await expect(inboxItems(page)).toHaveCount(1);
    await expect(inboxItems(page).first()).toContainText(names[0]!);
    await expect(inboxItems(page).first()).toContainText("Comes back");
    await page.screenshot({ path: "test-results/snooze-view.png" });

    // Its time comes: back unread at the top of the other tab, out of Snoozed here, both counts up.
    await makeDue(names[0]!);
    await expect(inboxItems(second).first()).toContainText(names[0]!, { timeout: 10_000 });
    await expect(inboxItems(second).first()).toHaveAttribute("data-unread");
    await expect(page.getByText("Nothing snoozed")).toBeVisible();
    for (const tab of [page, second]) await expect(bell(tab)).toHaveAccessibleName("Notifications, 2 unread");
  } finally {
    await other.close();
  }
});

test("pick a date and time, then unsnooze in one click, by keyboard", async ({ page, platform }) => {
  const user = await createUser(platform);
  const name = uniqueId("Picked plan");
  await platform.event(renewal(user, name));
  await signInAs(page, platform, user);
  const item = inboxItems(page).filter({ hasText: name });
  await tabTo(page, item.getByRole("button", { name: /^Snooze/ }));
  await page.keyboard.press("Enter");
  await page.getByRole("menuitem", { name: /Pick a date and time/ }).focus();
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog", { name: "Snooze until…" });
  const input = dialog.getByLabel("Date and time");
  await expect(input).toBeFocused();
  // A past time is refused in place.
  await input.fill("2020-01-01T09:00");
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("alert")).toHaveText("Must be in the future");
  const nextYear = new Date().getUTCFullYear() + 1;
  await input.fill(`${nextYear}-01-15T14:30`);
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(item).toHaveCount(0);
  await expect(page.getByText("No notifications yet")).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications");

  await page.goto("/inbox?tab=snoozed");
  const snoozed = inboxItems(page).filter({ hasText: name });
  // On the user's clock and in their language (directory defaults: UTC, en).
  await expect(snoozed).toContainText(/Comes back \w{3}, Jan 15, \d{4}, 02:30 PM/);
  await tabTo(page, snoozed.getByRole("button", { name: /^Unsnooze/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Nothing snoozed")).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  await page.goto("/inbox");
  await expect(inboxItems(page).filter({ hasText: name })).toHaveAttribute("data-unread");
});

test("the time zone in settings, by keyboard, is the clock snooze times use", async ({ page, platform }) => {
  const user = await createUser(platform);
  await platform.event(renewal(user, uniqueId("Clock plan")));
  await signInAs(page, platform, user);
  await page.goto("/settings/profile");
  const zone = page.getByLabel("Time zone", { exact: true });
  await zone.focus();
  await zone.selectOption("Asia/Tokyo");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Save" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toContainText("Asia/Tokyo");
  await page.screenshot({ path: "test-results/profile-settings.png" });

  await page.goto("/inbox");
  const snooze = inboxItems(page)
    .first()
    .getByRole("button", { name: /^Snooze/ });
  await snooze.click();
  // Tomorrow 09:00 in Tokyo, shown on that clock.
  await expect(page.getByRole("menuitem", { name: /Tomorrow morning/ })).toContainText("09:00");
  await page.keyboard.press("Escape");
  // Escape closes the menu and gives focus back to its button; an Enter pressed before that opened nothing.
  await expect(page.getByRole("menu")).toBeHidden();
  await expect(snooze).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByRole("menuitem", { name: /Pick a date and time/ }).click();
  await expect(page.getByRole("dialog")).toContainText("Asia/Tokyo");
});
