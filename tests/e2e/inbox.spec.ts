import { test, expect, uniqueId } from "./fixtures";
import { bell, bellName, createUser, inboxItems, renewal, renewalFailed, sendBatch, signInAs } from "./inbox-helpers";

test("an ingested event appears in the inbox and on the badge without a reload", async ({ page, platform }) => {
  const user = await createUser(platform);
  await signInAs(page, platform, user);
  await expect(bell(page)).toHaveAccessibleName("Notifications");
  await expect(page.getByTestId("bell-badge")).toHaveCount(0);
  await expect(page.getByText("No notifications yet")).toBeVisible();

  const name = uniqueId("Live plan");
  await platform.event(renewal(user, name));
  const item = inboxItems(page).filter({ hasText: `Renewed: ${name}` });
  await expect(item).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  await expect(page.getByTestId("bell-badge")).toHaveText("1");
  await expect(item.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(item.locator("time")).toHaveAttribute("title", /\d{4}/);
  await expect(item).toContainText("primary contact");

  // A critical one: marked in the list and announced with a toast.
  const failed = uniqueId("Failing plan");
  await platform.event(renewalFailed(user, failed));
  const critical = inboxItems(page).filter({ hasText: failed });
  await expect(critical).toContainText("Critical");
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: failed })).toBeVisible();
  await expect(bell(page)).toHaveAccessibleName("Notifications, 2 unread");
  // Newest first.
  await expect(inboxItems(page).first()).toContainText(failed);
});

test("reading in one tab updates the badge and item in the other", async ({ page, browser, platform }) => {
  const user = await createUser(platform);
  const names = [uniqueId("Tab plan A"), uniqueId("Tab plan B")];
  await sendBatch(
    platform,
    names.map((n) => renewal(user, n)),
  );
  await signInAs(page, platform, user);
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await signInAs(second, platform, user);
    await expect(bell(second)).toHaveAccessibleName("Notifications, 2 unread");

    const item = inboxItems(page).filter({ hasText: names[0]! });
    await item.getByRole("button", { name: /Mark as read/ }).click();
    await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
    await expect(bell(second)).toHaveAccessibleName("Notifications, 1 unread");
    await expect(
      inboxItems(second)
        .filter({ hasText: names[0]! })
        .getByRole("button", { name: /Mark as unread/ }),
    ).toBeVisible();

    // Archive in the second tab: it leaves the first tab's "All" list.
    await inboxItems(second)
      .filter({ hasText: names[1]! })
      .getByRole("button", { name: /^Archive/ })
      .click();
    await expect(inboxItems(page).filter({ hasText: names[1]! })).toHaveCount(0);
    await expect(bell(page)).toHaveAccessibleName("Notifications");

    // Mark all as read from the popover of the second tab.
    await platform.event(renewal(user, uniqueId("Tab plan C")));
    await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
    await bell(second).click();
    await second.getByRole("dialog").getByRole("button", { name: "Mark all as read" }).click();
    await expect(bell(page)).toHaveAccessibleName("Notifications");
    await expect(page.locator("main [data-unread]")).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test("two users each see only their own notifications", async ({ page, browser, platform }) => {
  const [ann, bob] = [await createUser(platform, "Ann Own"), await createUser(platform, "Bob Own")];
  await signInAs(page, platform, ann);
  const other = await browser.newContext();
  try {
    const bobPage = await other.newPage();
    await signInAs(bobPage, platform, bob);
    const annName = uniqueId("Ann plan");
    const bobName = uniqueId("Bob plan");
    await platform.event(renewal(bob, bobName));
    await platform.event(renewal(ann, annName));
    await expect(inboxItems(page).filter({ hasText: annName })).toBeVisible();
    await expect(inboxItems(bobPage).filter({ hasText: bobName })).toBeVisible();
    await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
    await expect(bell(bobPage)).toHaveAccessibleName("Notifications, 1 unread");
    await expect(inboxItems(page)).toHaveCount(1);
    await expect(inboxItems(bobPage)).toHaveCount(1);
    // Also after a reload (server-rendered first page), and through the API.
    await page.reload();
    await expect(inboxItems(page)).toHaveCount(1);
    await expect(page.getByText(bobName)).toHaveCount(0);
    const apiPage = await page.evaluate(() => fetch("/api/notifications").then((r) => r.json()));
    expect(apiPage.items.map((i: { title: string }) => i.title)).toEqual([`Renewed: ${annName}`]);
  } finally {
    await other.close();
  }
});

test("after going offline, missed notifications appear and the count is right", async ({ page, context, platform }) => {
  const user = await createUser(platform);
  await platform.event(renewal(user, uniqueId("Before offline")));
  await signInAs(page, platform, user);
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");

  await context.setOffline(true);
  const missed = [uniqueId("Missed one"), uniqueId("Missed two")];
  await sendBatch(
    platform,
    missed.map((n) => renewal(user, n)),
  );
  await page.waitForTimeout(500);
  await context.setOffline(false);

  // The socket needs a moment to notice and reconnect; the catch-up then fetches what it missed.
  await expect.poll(() => bellName(page), { timeout: 30_000 }).toBe("Notifications, 3 unread");
  for (const name of missed)
    await expect(inboxItems(page).filter({ hasText: name })).toHaveCount(1, { timeout: 30_000 });
  await expect(inboxItems(page)).toHaveCount(3);
});

test("endless scrolling pages through everything once while new notifications arrive", async ({ page, platform }) => {
  test.setTimeout(90_000);
  const user = await createUser(platform);
  const run = uniqueId("Page");
  const initial = Array.from({ length: 55 }, (_, i) => `${run} #${String(i).padStart(2, "0")}`);
  // Sent one by one in order so createdAt follows the index.
  await sendBatch(
    platform,
    initial.map((n) => renewal(user, n)),
  );
  await signInAs(page, platform, user);
  await expect(inboxItems(page)).toHaveCount(20);

  const live: string[] = [];
  for (let round = 0; round < 3; round++) {
    const name = `${run} live ${round}`;
    live.push(name);
    await platform.event(renewal(user, name));
    await expect(inboxItems(page).first()).toContainText(name);
    // Keyboard users have the button; pointer users the scroll.
    if (round === 0) await page.getByRole("button", { name: "Load more" }).click();
    else await inboxItems(page).last().scrollIntoViewIfNeeded();
    await expect(inboxItems(page)).toHaveCount(Math.min(20 * (round + 2), 55) + round + 1);
    // The button hands focus to the first new item: the first page held #54 down to #35.
    if (round === 0) await expect(page.locator("[data-notification-item]:focus")).toContainText(`${run} #34`);
  }
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  const titles = await inboxItems(page).locator("h3").allTextContents();
  const clean = titles.map((t) => t.replace(/^Unread: /, "").replace(/^Renewed: /, ""));
  expect(new Set(clean).size).toBe(clean.length);
  expect([...clean].sort()).toEqual([...initial, ...live].sort());
  // Newest first: the live ones on top, then the batch in reverse order of sending.
  expect(clean.slice(0, 3)).toEqual([...live].reverse());
});

test("a failed change rolls back with a message, and a failed load offers a retry", async ({ page, platform }) => {
  const user = await createUser(platform);
  const name = uniqueId("Rollback plan");
  await platform.event(renewal(user, name));
  await signInAs(page, platform, user);
  const item = inboxItems(page).filter({ hasText: name });

  // The server refuses the change: the item shows read at once, then returns to unread.
  await page.route("**/api/notifications/*", (route) =>
    route.request().method() === "PATCH"
      ? route.fulfill({
          status: 500,
          contentType: "application/json",
          body: JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side." } }),
        })
      : route.continue(),
  );
  await item.getByRole("button", { name: /Mark as read/ }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Could not update" })).toBeVisible();
  await expect(item.getByRole("button", { name: /Mark as read/ })).toBeVisible();
  await expect(item).toHaveAttribute("data-unread", "true");
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  await page.unroute("**/api/notifications/*");

  // The list cannot load: an error that says what to do, and a retry that works.
  await page.route("**/api/notifications?*", (route) => route.abort());
  await bell(page).click();
  const popover = page.getByRole("dialog", { name: "Notifications" });
  await expect(popover.getByRole("alert")).toContainText("could not be loaded");
  await page.unroute("**/api/notifications?*");
  await popover.getByRole("button", { name: "Try again" }).click();
  await expect(popover.locator("[data-notification-item]").filter({ hasText: name })).toBeVisible();
});
