import { test, expect, uniqueId, signIn, type Platform } from "./fixtures";

// The e2e server captures mail (EMAIL_DISABLED=true, no Resend key): the development mailbox
// shows it, to platform admins only in production.

/** A customer organization of its own with one admin (its primary contact), so no other test interferes. */
async function syncCustomer(platform: Platform) {
  const orgId = uniqueId("cust_mail");
  const userId = uniqueId("u_mail");
  const email = `${userId}@mail.example`;
  const org = await platform.send(
    `/api/v1/organizations/${orgId}`,
    { name: `Mail Test ${orgId}`, kind: "customer", parentId: "res_contoso", primaryContactId: userId },
    "PUT",
  );
  expect(org.status, JSON.stringify(org.json)).toBe(201);
  const user = await platform.send(
    `/api/v1/users/${userId}`,
    { email, name: "Molly Mail", organizationId: orgId, role: "admin" },
    "PUT",
  );
  expect(user.status, JSON.stringify(user.json)).toBe(201);
  return { orgId, userId, email };
}

test("an event's emails appear in the development mailbox, rendered and as text", async ({ page, platform }) => {
  const { orgId, email } = await syncCustomer(platform);
  const extra = `${uniqueId("ops")}@vendor.example`;
  await platform.event({
    type: "subscription.renewal_failed",
    organizationId: orgId,
    recipients: { emails: [extra] },
    data: { subscriptionId: "sub_mail", subscriptionName: "Microsoft 365 E3", errorMessage: "Card declined" },
  });

  // Anonymous visitors get a 404 in production.
  const anonymous = await page.goto("/dev/mailbox");
  expect(anonymous?.status()).toBe(404);

  await signIn(page, "admin@platform.example");
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    await expect(page.getByRole("link", { name: /Action required: renewal failed for Microsoft 365 E3/ })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(extra)}`);
  await expect(page.getByRole("link", { name: /renewal failed/ })).toHaveCount(1);

  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: /renewal failed/ }).click();
  await expect(
    page.getByRole("heading", { name: "Action required: renewal failed for Microsoft 365 E3" }),
  ).toBeVisible();
  await expect(page.getByText("List-Unsubscribe-Post")).toBeVisible();
  const frame = page.frameLocator("iframe[title='HTML part']");
  await expect(frame.getByText("Card declined")).toBeVisible();
  await expect(frame.getByRole("link", { name: "Resolve now" })).toHaveAttribute(
    "href",
    "https://portal.test/subscriptions/sub_mail",
  );
  await expect(page.locator("pre")).toContainText("Hi Molly Mail,");
  await expect(page.locator("pre")).toContainText("You receive this as the customer's primary contact.");
  await page.screenshot({ path: "/tmp/shots/email/mailbox-detail.png", fullPage: true });
  const link = /(http:\/\/localhost:\d+\/unsubscribe\?token=[\w.-]+)/.exec(await page.locator("pre").innerText())?.[1];
  await page.goto("/dev/mailbox");
  await page.screenshot({ path: "/tmp/shots/email/mailbox-list.png" });

  // A critical type cannot be turned off from the email: the page explains and links to the settings.
  expect(link).toBeTruthy();
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "“Renewal failed” emails stay on" })).toBeVisible();
  await expect(page.getByText(/critical: they tell you about problems that need action/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Unsubscribe" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Manage all notification settings" })).toBeVisible();
  await page.screenshot({ path: "/tmp/shots/email/unsubscribe-critical.png" });
});

test("the mailbox is a 404 for signed-in users who are not platform admins", async ({ page }) => {
  await signIn(page, "mia@adatum.example");
  const response = await page.goto("/dev/mailbox");
  expect(response?.status()).toBe(404);
});

test("the unsubscribe link confirms, unsubscribes, and undoes", async ({ page, browser, platform }) => {
  const { orgId, email } = await syncCustomer(platform);
  await platform.event({
    type: "subscription.renewed",
    organizationId: orgId,
    data: { subscriptionId: "sub_unsub", subscriptionName: "Teams Phone", renewedAt: "2026-11-26T10:00:00Z" },
  });
  await signIn(page, "admin@platform.example");
  let link = "";
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
    await page.getByRole("link", { name: /Renewed: Teams Phone/ }).click({ timeout: 1000 });
    link =
      /(http:\/\/localhost:\d+\/unsubscribe\?token=[\w.-]+)/.exec(await page.locator("pre").innerText())?.[1] ?? "";
    expect(link).not.toBe("");
  }).toPass({ timeout: 15_000 });

  // The recipient is not signed in: the token is enough.
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto(link);
  await expect(visitor).toHaveURL(/\/unsubscribe\/confirm\?token=/);
  await expect(visitor.getByRole("heading", { name: "Stop “Subscription renewed” emails?" })).toBeVisible();
  await visitor.screenshot({ path: "/tmp/shots/email/unsubscribe-confirm.png" });
  await visitor.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(visitor.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  await expect(visitor.getByText(`${email} no longer gets “Subscription renewed” emails.`)).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Manage all notification settings" })).toHaveAttribute(
    "href",
    "/settings/notifications",
  );
  await visitor.screenshot({ path: "/tmp/shots/email/unsubscribe-done.png" });
  await visitor.getByRole("button", { name: "Undo" }).click();
  await expect(visitor.getByRole("heading", { name: "Stop “Subscription renewed” emails?" })).toBeVisible();
  await expect(visitor.getByText("You are subscribed again.")).toBeVisible();

  await visitor.goto("/unsubscribe?token=forged.token");
  await expect(visitor.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await context.close();
});
