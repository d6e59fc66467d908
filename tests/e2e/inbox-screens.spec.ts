// Screenshots of the bell popover and the inbox, light and dark, desktop and phone, written to
// /tmp/shots/inbox for a person to look at; the test checks that each view rendered its items.
import { catalog, categoryKeys, notificationTypes } from "../../lib/notifications/catalog";
import { test, expect, uniqueId } from "./fixtures";
import { bell, createUser, inboxItems, sendBatch, signInAs } from "./inbox-helpers";

const dir = process.env.SHOTS_DIR ?? "/tmp/shots/inbox";

test("popover and inbox render in light and dark, on desktop and phone", async ({ page, platform }) => {
  test.setTimeout(90_000);
  const user = await createUser(platform, "Sara Screens");
  // One example of each category plus a critical one, addressed to this user explicitly.
  const types = [
    ...categoryKeys.map((category) =>
      notificationTypes.find((type) => catalog[type].category === category && !catalog[type].critical)!,
    ),
    notificationTypes.find((type) => catalog[type].critical)!,
  ];
  await sendBatch(
    platform,
    types.map((type) => ({
      id: uniqueId("evt_shot"),
      type,
      occurredAt: new Date().toISOString(),
      organizationId: user.orgId,
      recipients: { userIds: [user.userId] },
      data: catalog[type].example,
    })),
  );
  await signInAs(page, platform, user);
  await expect(inboxItems(page)).toHaveCount(types.length);
  // A few read ones for contrast.
  for (const n of [3, 5])
    await inboxItems(page)
      .nth(n)
      .getByRole("button", { name: /Mark as read/ })
      .click();
  await expect(page.locator("main [data-unread]")).toHaveCount(types.length - 2);

  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [device, size] of [
      ["desktop", { width: 1280, height: 860 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.mouse.move(0, 0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${dir}/inbox-${device}-${scheme}.png` });
      await bell(page).click();
      const panel = page.getByRole("dialog", { name: "Notifications" });
      await expect(panel.locator("[data-notification-item]")).toHaveCount(types.length);
      await page.screenshot({ path: `${dir}/popover-${device}-${scheme}.png` });
      await page.keyboard.press("Escape");
      await expect(panel).toHaveCount(0);
    }
  }
});
