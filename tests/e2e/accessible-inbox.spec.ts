// The inbox as assistive technology meets it, read through roles and accessible names: the list is
// a WAI-ARIA feed, the bell a disclosure button for a labelled dialog, and new arrivals are spoken
// once (a polite status, or an alert for critical ones).
import { test, expect, uniqueId } from "./fixtures";
import { createUser, renewal, renewalFailed, sendBatch, signInAs } from "./inbox-helpers";

test("the inbox is a feed: numbered articles, busy while a page loads, Page Up/Down between them", async ({
  page,
  platform,
}) => {
  const user = await createUser(platform);
  const run = uniqueId("Feed");
  await sendBatch(
    platform,
    Array.from({ length: 23 }, (_, i) => renewal(user, `${run} n${String(i).padStart(2, "0")}`)),
  );
  await signInAs(page, platform, user);

  const feed = page.getByRole("feed", { name: "All notifications" });
  const articles = feed.getByRole("article");
  await expect(articles).toHaveCount(20);
  // (Names with ": " are regular expressions here: YAML would read the colon as a key.)
  await expect(feed).toMatchAriaSnapshot(`
    - feed "All notifications":
      - article /Renewed. ${run} n22$/:
        - heading /Renewed. ${run} n22$/ [level=3]
      - article /Renewed. ${run} n21$/
  `);
  // Position in the feed; the size is unknown (-1) while more pages remain.
  await expect(articles.first()).toHaveAttribute("aria-posinset", "1");
  await expect(articles.nth(19)).toHaveAttribute("aria-posinset", "20");
  await expect(articles.first()).toHaveAttribute("aria-setsize", "-1");
  // Each article is described by its text.
  await expect(articles.first()).toHaveAccessibleDescription(/renewed/i);

  // Page Down / Page Up move between articles; Ctrl+End leaves the feed forwards, Ctrl+Home backwards.
  await articles.first().focus();
  await page.keyboard.press("PageDown");
  await expect(articles.nth(1)).toBeFocused();
  await page.keyboard.press("PageDown");
  await expect(articles.nth(2)).toBeFocused();
  await page.keyboard.press("PageUp");
  await expect(articles.nth(1)).toBeFocused();
  // From an action inside an article too.
  await articles
    .nth(1)
    .getByRole("button", { name: /^Archive/ })
    .focus();
  await page.keyboard.press("PageDown");
  await expect(articles.nth(2)).toBeFocused();
  await page.keyboard.press("Control+End");
  await expect(page.getByRole("button", { name: "Load more" })).toBeFocused();
  await articles.nth(5).focus();
  await page.keyboard.press("Control+Home");
  await expect(page.getByRole("button", { name: "Mark all as read" })).toBeFocused();

  // Busy while the next page loads, then every article numbered out of a known total.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/notifications?*cursor=*", async (route) => {
    await held;
    await route.continue();
  });
  await expect(feed).toHaveAttribute("aria-busy", "false");
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(feed).toHaveAttribute("aria-busy", "true");
  release();
  await expect(articles).toHaveCount(23);
  await expect(feed).toHaveAttribute("aria-busy", "false");
  await expect(articles.last()).toHaveAttribute("aria-posinset", "23");
  await expect(articles.last()).toHaveAttribute("aria-setsize", "23");
  await expect(articles.last()).toHaveAccessibleName(`Unread: Renewed: ${run} n00`);
});

for (const device of [
  { name: "desktop", size: { width: 1280, height: 800 } },
  { name: "phone", size: { width: 390, height: 844 } },
]) {
  test(`the bell is a disclosure button for a labelled dialog; Esc closes it and focus returns (${device.name})`, async ({
    page,
    platform,
  }) => {
    await page.setViewportSize(device.size);
    const user = await createUser(platform);
    await platform.event(renewal(user, uniqueId("Disclosure plan")));
    await signInAs(page, platform, user);

    const collapsed = page.getByRole("button", { name: "Notifications, 1 unread", expanded: false });
    await expect(collapsed).toBeVisible();
    await expect(collapsed).toHaveAttribute("aria-haspopup", "dialog");
    await collapsed.focus();
    await page.keyboard.press("Enter");

    // On a phone the dialog is modal: the rest of the page, the bell included, is hidden from the tree.
    const expanded = page.getByRole("button", { name: "Notifications, 1 unread", expanded: true, includeHidden: true });
    const dialog = page.getByRole("dialog", { name: "Notifications" });
    await expect(dialog).toBeVisible();
    await expect(expanded).toHaveAttribute("aria-controls", (await dialog.getAttribute("id"))!);
    await expect(dialog.getByRole("feed", { name: "Latest notifications" }).getByRole("article")).toHaveCount(1);
    await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);

    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(collapsed).toBeFocused();
  });
}

test("arrivals are announced once: several as one polite status, a critical one as an alert and never politely", async ({
  page,
  platform,
}) => {
  test.setTimeout(60_000);
  const user = await createUser(platform);
  await signInAs(page, platform, user);
  const status = page.getByRole("status").filter({ hasText: /notification/ });
  const alert = page.getByRole("alert").filter({ hasText: /notification/ });

  await sendBatch(platform, [renewal(user, uniqueId("Spoken A")), renewal(user, uniqueId("Spoken B"))]);
  await expect(page.getByRole("feed").getByRole("article")).toHaveCount(2);
  await expect(status).toHaveText("2 new notifications");

  const one = uniqueId("Spoken C");
  await platform.event(renewal(user, one));
  await expect(status).toHaveText(`New notification: Renewed: ${one}`);

  const failed = uniqueId("Spoken failure");
  await platform.event(renewalFailed(user, failed));
  await expect(alert).toContainText(`Critical notification: Renewal failed: ${failed}`);
  // The toast shows it, but only the alert speaks it: no other live region holds its title.
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: failed });
  await expect(toast).toBeVisible();
  const liveRegions = page.locator(
    '[role="status"], [role="alert"], [role="log"], [aria-live="polite"], [aria-live="assertive"]',
  );
  await expect(liveRegions.filter({ hasText: failed })).toHaveCount(1);
  await expect(status).toHaveText(`New notification: Renewed: ${one}`);

  // A toast stays while it has keyboard focus or the pointer (sonner's lifetime is 4 s), and goes after.
  await toast.getByRole("button", { name: "Close toast" }).focus();
  await page.waitForTimeout(6_000);
  await expect(toast).toBeVisible();
  await page.getByRole("heading", { name: "Inbox" }).click();
  await expect(toast).toHaveCount(0, { timeout: 10_000 });

  const hovered = uniqueId("Hovered failure");
  await platform.event(renewalFailed(user, hovered));
  const second = page.locator("[data-sonner-toast]").filter({ hasText: hovered });
  await second.hover();
  await page.waitForTimeout(6_000);
  await expect(second).toBeVisible();
  await page.mouse.move(10, 10);
  await expect(second).toHaveCount(0, { timeout: 10_000 });
});

test("motion follows prefers-reduced-motion", async ({ page, platform }) => {
  const user = await createUser(platform);
  await signInAs(page, platform, user);
  const markAll = page.getByRole("button", { name: "Mark all as read" });
  const duration = () => markAll.evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
  expect(await duration()).toBeGreaterThan(0.1);
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await duration()).toBeLessThan(0.001);
});
