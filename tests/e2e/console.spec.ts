// The platform console end to end: a platform admin sends a test event, the target user's bell
// updates live in another browser, and the admin follows the event's delivery trail. Uses its own
// organization and user, synced through the platform API, so no other test's data is touched.
import type { Browser, Page } from "@playwright/test";
import { test, expect, signIn, uniqueId, type Platform } from "./fixtures";

async function createTarget(platform: Platform) {
  // A direct reseller (under the platform) with its own customer: no other test's organization
  // settings sit above them, so what they receive depends on the catalog defaults only.
  const resellerId = uniqueId("res_console");
  const orgId = uniqueId("cust_console");
  const resellerUserId = uniqueId("u_console_res");
  const userId = uniqueId("u_console");
  const email = `${userId}@console.example`;
  const put = async (path: string, body: unknown) => {
    const res = await platform.send(path, body, "PUT");
    expect(res.status, `${path}: ${JSON.stringify(res.json)}`).toBeLessThan(300);
  };
  await put(`/api/v1/organizations/${resellerId}`, {
    name: `Console Reseller ${resellerId.slice(-6)}`,
    kind: "reseller",
    parentId: "platform",
  });
  await put(`/api/v1/organizations/${orgId}`, {
    name: `Console Customer ${orgId.slice(-6)}`,
    kind: "customer",
    parentId: resellerId,
  });
  await put(`/api/v1/users/${resellerUserId}`, {
    email: `${resellerUserId}@console.example`,
    name: "Rita Reseller",
    organizationId: resellerId,
    role: "admin",
  });
  await put(`/api/v1/users/${userId}`, { email, name: "Casey Console", organizationId: orgId, role: "admin" });
  await put(`/api/v1/organizations/${resellerId}`, {
    name: `Console Reseller ${resellerId.slice(-6)}`,
    kind: "reseller",
    parentId: "platform",
    primaryContactId: resellerUserId,
  });
  await put(`/api/v1/organizations/${orgId}`, {
    name: `Console Customer ${orgId.slice(-6)}`,
    kind: "customer",
    parentId: resellerId,
    primaryContactId: userId,
  });
  return { orgId, userId, email };
}

/** Signs the target in through a one-time sign-in link, in a browser context of its own. */
async function openAsUser(browser: Browser, platform: Platform, userId: string): Promise<Page> {
  const link = await platform.send(`/api/v1/users/${userId}/sign-in-links`, {});
  expect(link.status, JSON.stringify(link.json)).toBeLessThan(300);
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL(link.json.url).pathname + new URL(link.json.url).search);
  await expect(page).toHaveURL(/\/inbox/);
  return page;
}

test("a platform admin sends a test event, the user's bell updates, and the trail explains it", async ({
  page,
  browser,
  platform,
}) => {
  // Two browsers, a live update and several page loads: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const target = await createTarget(platform);
  const userPage = await openAsUser(browser, platform, target.userId);
  const bell = userPage.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications");
  const unread = async () => (await (await userPage.request.get("/api/notifications/unread-count")).json()).count;
  expect(await unread()).toBe(0);

  await signIn(page, "admin@platform.example");
  await page.goto(`/admin/test-event?organizationId=${target.orgId}`);
  await page.getByLabel("Type").selectOption("subscription.provisioned");
  await expect(page.getByLabel("Organization")).toHaveValue(target.orgId);
  await page.getByLabel("Actor").selectOption(target.userId);

  // Validation as you type, by field path; the send button waits for valid data.
  const editor = page.getByLabel("Data (JSON)");
  const example = await editor.inputValue();
  await editor.fill(example.replace('"offerName": "Microsoft 365 E3"', '"offerName": ""'));
  await expect(page.getByRole("list", { name: "Problems in the data" })).toContainText("data.offerName");
  await expect(page.getByRole("button", { name: "Send test event" })).toBeDisabled();
  await editor.fill("{ not json");
  await expect(page.getByText(/Not valid JSON/)).toBeVisible();
  await page.getByRole("button", { name: "Reset to the example" }).click();
  await expect(page.getByText("Valid subscription.provisioned data")).toBeVisible();

  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByRole("status").filter({ hasText: "accepted, 2 notifications" })).toBeVisible();

  // The target's bell, in the other browser, updates without a reload.
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread", { timeout: 10_000 });
  expect(await unread()).toBe(1);

  await page.getByRole("link", { name: "Open its delivery trail" }).click();
  await expect(page.getByRole("heading", { name: "Subscription provisioned" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Delivery trail" })).toBeVisible();
  const casey = page.getByRole("article", { name: "Trail for Casey Console" });
  await expect(casey).toContainText("actor");
  await expect(casey).toContainText("created");
  await expect(casey).toContainText("queued");
  await expect(page.getByRole("article", { name: "Trail for Rita Reseller" })).toContainText("reseller.primary");

  // "Why did this user (not) get this?"
  await page.getByLabel(/Search by email/).fill(target.email);
  await page.getByRole("button", { name: "Find in trail" }).click();
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("article", { name: "Trail for Casey Console" })).toBeVisible();
  await page.getByLabel(/Search by email/).fill("tom@tailspin.example");
  await page.getByRole("button", { name: "Find in trail" }).click();
  await expect(page.getByText("tom@tailspin.example is not in this event's trail")).toBeVisible();
  // The test event was routed by a recipient rule (the catalog's default here) that does not name Tom.
  await expect(page.getByText(/No rule names them/)).toBeVisible();

  // The activity log lists it, with its organization.
  await page.goto(`/admin/activity?organizationId=${target.orgId}`);
  const row = page.getByRole("table").getByRole("row").nth(1);
  await expect(row).toContainText("accepted");
  await expect(row).toContainText("Console test");
  await expect(row).toContainText(target.orgId);
});

test("API keys: create (shown once, copyable), revoke with confirmation, audited", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const name = uniqueId("console key");
  await signIn(page, "admin@platform.example");
  await page.goto("/admin/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill(name);
  await page
    .getByRole("group", { name: "Scopes" })
    .getByRole("checkbox", { name: /^events/ })
    .check();
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^nck_/);
  await page.getByRole("button", { name: "Copy API key" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await page.getByRole("button", { name: "Done" }).click();

  const row = page.getByRole("region", { name: "API keys" }).getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText("Active");
  await expect(row.getByText("events", { exact: true })).toBeVisible();
  await expect(page.getByText(key)).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke API key ${name}` }).click();
  await expect(page.getByRole("alertdialog")).toContainText("cannot be undone");
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("Revoked");
  const audit = page.getByRole("region", { name: "API key changes, newest first" });
  await expect(audit.getByRole("row").filter({ hasText: name })).toHaveCount(2);
  await expect(audit.getByRole("row").filter({ hasText: name }).filter({ hasText: "Revoked API key" })).toHaveCount(1);
  await expect(audit.getByRole("row").filter({ hasText: name }).filter({ hasText: "Pat Platform" })).toHaveCount(2);
});

test("everyone but a platform admin gets a 403 page", async ({ page }) => {
  await signIn(page, "ryan@contoso.example");
  for (const path of [
    "/admin",
    "/admin/activity",
    "/admin/api-keys",
    "/admin/test-event",
    "/admin/directory",
    "/admin/events/x",
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access" })).toBeVisible();
  }
  const api = await page.request.get("/api/admin/activity");
  expect(api.status()).toBe(403);
  expect((await api.json()).error.code).toBe("forbidden");
});

test("directory search finds a user by email within the tree; an unknown event is a clear 404", async ({ page }) => {
  await signIn(page, "admin@platform.example");
  const missing = await page.goto("/admin/events/does-not-exist");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such event" })).toBeVisible();

  await page.goto("/admin/directory");
  await page.getByLabel(/Search by organization/).fill("liam@litware");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 of" })).toBeVisible();
  const users = page.getByRole("table", { name: "Users of Litware Inc." });
  await expect(users.getByRole("row", { name: /Liam Litware/ })).toContainText("Primary");
  await expect(page.getByRole("table")).toHaveCount(1);
});
