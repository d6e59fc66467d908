// Preferences end to end: a reseller's lock reaches the customer's user and the email pipeline;
// a user's own "off" keeps their inbox empty while a colleague still gets the notification.
import { readFileSync } from "node:fs";
import pg from "pg";
import type { Page } from "@playwright/test";
import { catalog } from "../../lib/notifications/catalog";
import { unpackTrail } from "../../lib/notifications/trail";
import { test, expect, signIn, uniqueId, type Platform, toast } from "./fixtures";

const renewal = "subscription.renewal_upcoming";
const renewalLabel = catalog[renewal].label;
const quoteLabel = catalog["quote.sent"].label;

async function query<T>(sql: string, params: unknown[]): Promise<T[]> {
  const { databaseUrl } = JSON.parse(readFileSync(process.env.E2E_STATE_FILE ?? "tests/e2e/.state.json", "utf8"));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function inboxEventIds(page: Page): Promise<string[]> {
  const res = await page.request.get("/api/notifications?status=all&limit=100");
  expect(res.status()).toBe(200);
  return ((await res.json()).items as { eventId: string }[]).map((item) => item.eventId);
}

async function createCustomerUser(platform: Platform, orgId: string, name: string, primary: boolean) {
  const userId = uniqueId("u_prefs");
  if (primary) {
    const org = await platform.send(
      `/api/v1/organizations/${orgId}`,
      { name: `Prefs Test ${orgId}`, kind: "customer", parentId: "res_fabrikam", primaryContactId: userId },
      "PUT",
    );
    expect(org.status, JSON.stringify(org.json)).toBeLessThan(300);
  }
  const user = await platform.send(
    `/api/v1/users/${userId}`,
    { email: `${userId}@prefs.example`, name, organizationId: orgId, role: "member" },
    "PUT",
  );
  expect(user.status, JSON.stringify(user.json)).toBeLessThan(300);
  return userId;
}

async function signInWithLink(page: Page, platform: Platform, userId: string) {
  const link = await platform.send(`/api/v1/users/${userId}/sign-in-links`, {});
  expect(link.status, JSON.stringify(link.json)).toBe(201);
  const url = new URL(link.json.url);
  await page.goto(url.pathname + url.search);
  await expect(page).toHaveURL(/\/inbox$/);
}

test("a reseller admin locks email off for a customer: the user sees the lock, and a renewal gives in-app but no email", async ({
  page,
  browser,
  platform,
}) => {
  // Two password sign-ins (scrypt, seconds each on a loaded machine) and a renewal's delivery.
  test.setTimeout(90_000);
  await signIn(page, "ryan@contoso.example");
  await page.getByRole("link", { name: "Organizations", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/organizations$/);
  // The picker lists only what Ryan manages: Contoso and its customers, not Fabrikam's.
  await expect(page.getByRole("link", { name: /Tailspin Toys/ })).toHaveCount(0);
  await page.getByRole("link", { name: /Litware Inc\./ }).click();
  await expect(page.getByRole("heading", { name: "Litware Inc." })).toBeVisible();

  const cellName = `Email for ${renewalLabel}`;
  const group = page.getByRole("radiogroup", { name: cellName });
  await group.getByRole("radio", { name: "Off" }).click();
  await expect(toast(page, `${cellName} turned off`)).toBeVisible();
  const lock = page.getByRole("button", { name: `Lock ${cellName}` });
  await lock.click();
  await expect(toast(page, `${cellName} locked`)).toBeVisible();
  await expect(lock).toHaveAttribute("aria-pressed", "true");
  // The change log shows both changes, by Ryan.
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("row").filter({ hasText: renewalLabel })).toHaveCount(2);
  await expect(history.getByRole("row").filter({ hasText: "Ryan Reseller" }).first()).toContainText("Off, locked");

  // Liam, Litware's admin, sees the cell locked by Contoso and cannot change it.
  const liamContext = await browser.newContext();
  const liam = await liamContext.newPage();
  await signIn(liam, "liam@litware.example");
  await liam.goto("/settings/notifications");
  const emailSwitch = liam.getByRole("switch", { name: cellName });
  await expect(emailSwitch).toBeDisabled();
  await expect(emailSwitch).toHaveAttribute("aria-checked", "false");
  await expect(emailSwitch).toHaveAccessibleDescription(/Locked by Contoso Reseller/);
  await expect(liam.locator(`[data-cell="${renewal}:email"]`)).toContainText("Locked by Contoso Reseller");
  // Not even Litware's own admin page can lift a reseller's lock.
  await liam.goto("/admin/organizations/cust_litware/notifications");
  await expect(liam.getByRole("button", { name: `Lock ${cellName}` })).toBeDisabled();

  const accepted = await platform.event({
    type: renewal,
    organizationId: "cust_litware",
    data: catalog[renewal].example,
  });
  expect(accepted.notifications).toBeGreaterThanOrEqual(1);
  await expect.poll(() => inboxEventIds(liam)).toContain(accepted.eventId);
  const deliveries = await query<{ count: string }>(
    `SELECT count(*) FROM "EmailDelivery" d JOIN "Event" e ON e.id = d."eventId" WHERE e."externalId" = $1 AND d."userId" = 'u_liam'`,
    [accepted.eventId],
  );
  expect(Number(deliveries[0]!.count)).toBe(0);
  const [stored] = await query<{ trail: unknown }>(`SELECT trail FROM "Event" WHERE "externalId" = $1`, [
    accepted.eventId,
  ]);
  expect(unpackTrail(stored!.trail).find((entry) => entry.userId === "u_liam")?.email?.decision).toBe("suppressed");
  await liamContext.close();
});

test("a user turns off in-app for quotes: their inbox stays untouched while a colleague still gets it", async ({
  page,
  browser,
  platform,
}) => {
  const orgId = uniqueId("cust_prefs");
  const primary = await createCustomerUser(platform, orgId, "Paula Prefs", true);
  const colleague = await createCustomerUser(platform, orgId, "Colin Colleague", false);

  await signInWithLink(page, platform, primary);
  await page.goto("/settings/notifications");
  const inApp = page.getByRole("switch", { name: `In-app for ${quoteLabel}` });
  await expect(inApp).toHaveAttribute("aria-checked", "true");
  await inApp.click();
  await expect(toast(page, `In-app for ${quoteLabel} turned off`)).toBeVisible();
  await expect(page.locator('[data-cell="quote.sent:in_app"]')).toContainText("Your choice");
  // It survives a reload.
  await page.reload();
  await expect(page.getByRole("switch", { name: `In-app for ${quoteLabel}` })).toHaveAttribute("aria-checked", "false");

  const colleagueContext = await browser.newContext();
  const colleaguePage = await colleagueContext.newPage();
  await signInWithLink(colleaguePage, platform, colleague);

  const accepted = await platform.event({
    type: "quote.sent",
    organizationId: orgId,
    recipients: { userIds: [colleague] },
    data: catalog["quote.sent"].example,
  });
  await expect.poll(() => inboxEventIds(colleaguePage)).toContain(accepted.eventId);
  expect(await inboxEventIds(page)).not.toContain(accepted.eventId);
  await colleagueContext.close();
});

test("reset to organization defaults asks first and removes the user's choices, email cadences too", async ({
  page,
  platform,
}) => {
  const orgId = uniqueId("cust_prefs");
  const userId = await createCustomerUser(platform, orgId, "Rita Reset", true);
  await signInWithLink(page, platform, userId);
  await page.goto("/settings/notifications");
  await page.getByRole("switch", { name: "Email for all Quotes and proposals notifications" }).click();
  await expect(toast(page, "Email for Quotes and proposals turned off")).toBeVisible();
  await expect(page.getByRole("switch", { name: `Email for ${quoteLabel}` })).toHaveAttribute("aria-checked", "false");
  const choices = await page.locator('[data-cell$=":email"]').filter({ hasText: "Your choice" }).count();
  const cadence = page.getByRole("combobox", { name: "Orders email", exact: true });
  await cadence.selectOption("daily");
  await expect(toast(page, "Orders email: daily digest")).toBeVisible();
  const useOrganizations = page.getByRole("button", { name: "Use organization's cadence for Orders", exact: true });
  await expect(useOrganizations).toBeVisible();

  await page.getByRole("button", { name: "Reset to organization defaults" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("Reset to organization defaults?");
  // The channel choices and the cadence, counted together.
  await expect(dialog).toContainText(`Your ${choices + 1} choices will be removed`);
  await dialog.getByRole("button", { name: "Reset" }).click();
  await expect(toast(page, `Reset ${choices + 1} choices to your organization's defaults`)).toBeVisible();
  await expect(page.getByRole("switch", { name: `Email for ${quoteLabel}` })).toHaveAttribute("aria-checked", "true");
  await expect(cadence).toHaveValue("instant");
  await expect(useOrganizations).toHaveCount(0);
  await page.reload();
  await expect(page.locator('[data-cell="quote.sent:email"]')).toContainText("Default");
  await expect(cadence).toHaveValue("instant");
});
