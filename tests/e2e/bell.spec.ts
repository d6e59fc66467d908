import { test, expect, uniqueId } from "./fixtures";
import { bell, createUser, inboxItems, renewal, sendBatch, signInAs } from "./inbox-helpers";

test("the badge says 99+ above 99 and the popover shows the newest, marks all read and links to the inbox", async ({
  page,
  platform,
}) => {
  test.setTimeout(60_000);
  const user = await createUser(platform);
  const run = uniqueId("Many");
  await sendBatch(
    platform,
    Array.from({ length: 100 }, (_, i) => renewal(user, `${run} ${i}`)),
  );
  await signInAs(page, platform, user);
  await page.goto("/inbox?tab=archived");
  await expect(bell(page)).toHaveAccessibleName("Notifications, 100 unread");
  await expect(page.getByTestId("bell-badge")).toHaveText("99+");

  await bell(page).click();
  const popover = page.getByRole("dialog", { name: "Notifications" });
  await expect(popover).toBeVisible();
  await expect(popover.locator("[data-notification-item]")).toHaveCount(10);

  // A new one arrives while it is open: it appears on top.
  const fresh = uniqueId("Fresh plan");
  await platform.event(renewal(user, fresh));
  await expect(popover.locator("[data-notification-item]").first()).toContainText(fresh);
  await expect(bell(page)).toHaveAccessibleName("Notifications, 101 unread");

  await popover.getByRole("button", { name: "Mark all as read" }).click();
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await expect(page.getByTestId("bell-badge")).toHaveCount(0);
  await expect(popover.locator("[data-unread]")).toHaveCount(0);

  // Clicking outside closes it.
  await page.mouse.click(10, 400);
  await expect(popover).toHaveCount(0);

  await bell(page).click();
  await page.getByRole("dialog", { name: "Notifications" }).getByRole("link", { name: "View all" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole("tab", { name: "All", selected: true })).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("keyboard only: open the bell, act in it, close with Esc, then work through the inbox", async ({
  page,
  platform,
}) => {
  const user = await createUser(platform);
  const names = [uniqueId("Key plan A"), uniqueId("Key plan B"), uniqueId("Key plan C")];
  for (const name of names) await platform.event(renewal(user, name));
  await signInAs(page, platform, user);
  await expect(bell(page)).toHaveAccessibleName("Notifications, 3 unread");

  // Tab from the top of the page to the bell.
  await page.locator("body").focus();
  for (let i = 0; i < 20 && !(await bell(page).evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(bell(page)).toBeFocused();
  await page.keyboard.press("Enter");
  const popover = page.getByRole("dialog", { name: "Notifications" });
  await expect(popover).toBeVisible();
  // Focus moved into the popover.
  await expect.poll(() => popover.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  // Esc closes it and gives focus back to the bell.
  await page.keyboard.press("Escape");
  await expect(popover).toHaveCount(0);
  await expect(bell(page)).toBeFocused();

  // The inbox list: Tab into the first item, arrows move between items, Tab reaches its actions.
  const items = inboxItems(page);
  for (let i = 0; i < 30 && !(await items.first().evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(items.first()).toBeFocused();
  await expect(items.first()).toContainText(names[2]!);
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(items.nth(2)).toBeFocused();
  await page.keyboard.press("Home");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  // Tab: Open link, then "Mark as read".
  await page.keyboard.press("Tab");
  await expect(items.nth(1).getByRole("link", { name: /Open/ })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(items.nth(1).getByRole("button", { name: /Mark as read/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread");
  await page.keyboard.press("Tab");
  await expect(items.nth(1).getByRole("button", { name: /^Archive/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(items).toHaveCount(2);

  // Tabs by keyboard: focus the tab list, arrow to Archived, activate.
  await page.getByRole("tab", { name: "All" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Unread" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Archived" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?tab=archived/);
  await expect(inboxItems(page)).toHaveCount(1);
  await expect(inboxItems(page).first()).toContainText(names[1]!);
});

test("tabs and the category filter are in the URL, with empty states", async ({ page, platform }) => {
  const user = await createUser(platform);
  const name = uniqueId("Filter plan");
  await platform.event(renewal(user, name));
  await signInAs(page, platform, user);
  await page.getByRole("tab", { name: "Unread" }).click();
  await expect(page).toHaveURL(/\?tab=unread$/);
  await expect(inboxItems(page)).toHaveCount(1);
  await page.getByLabel("Category").selectOption({ label: "Orders" });
  await expect(page).toHaveURL(/\?tab=unread&category=orders$/);
  await expect(page.getByTestId("empty-state")).toContainText("in Orders");
  await page.getByLabel("Category").selectOption({ label: "Subscriptions" });
  await expect(inboxItems(page)).toHaveCount(1);
  await page.getByRole("button", { name: "Mark all in Subscriptions as read" }).click();
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await page.reload();
  await expect(page.getByTestId("empty-state")).toContainText("all caught up");
  await page.getByRole("tab", { name: "Archived" }).click();
  await expect(page).toHaveURL(/\?tab=archived&category=subscriptions$/);
  await expect(page.getByTestId("empty-state")).toContainText("Nothing archived");
});

test("on a phone the bell opens a full-screen sheet", async ({ page, platform }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const user = await createUser(platform);
  await platform.event(renewal(user, uniqueId("Phone plan")));
  await signInAs(page, platform, user);
  await bell(page).click();
  const sheet = page.getByRole("dialog", { name: "Notifications" });
  await expect(sheet).toBeVisible();
  const box = await sheet.boundingBox();
  expect(box?.width).toBe(390);
  expect(box?.height).toBe(800);
  await sheet.getByRole("button", { name: "Close notifications" }).click();
  await expect(sheet).toHaveCount(0);
  await expect(bell(page)).toBeFocused();
});
