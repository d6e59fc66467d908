import { readFileSync } from "node:fs";
import pg from "pg";
import { test, expect, uniqueId, type Platform } from "./fixtures";

/** A new organization and a user without a password, synced through the Platform API. */
async function syncPortalUser(platform: Platform) {
  const orgId = uniqueId("cust_link");
  const userId = uniqueId("u_link");
  const orgName = `Link Test ${orgId}`;
  const org = await platform.send(
    `/api/v1/organizations/${orgId}`,
    { name: orgName, kind: "customer", parentId: "res_contoso", primaryContactId: userId },
    "PUT",
  );
  expect(org.status, JSON.stringify(org.json)).toBe(201);
  const user = await platform.send(
    `/api/v1/users/${userId}`,
    { email: `${userId}@link.example`, name: "Lena Link", organizationId: orgId, role: "admin" },
    "PUT",
  );
  expect(user.status, JSON.stringify(user.json)).toBe(201);
  return { userId, orgName };
}

async function signInLink(platform: Platform, userId: string): Promise<string> {
  const link = await platform.send(`/api/v1/users/${userId}/sign-in-links`, {});
  expect(link.status, JSON.stringify(link.json)).toBe(201);
  return link.json.url;
}

test("a portal user without a password arrives through a one-time sign-in link", async ({
  page,
  browser,
  platform,
}) => {
  const { userId, orgName } = await syncPortalUser(platform);
  const url = await signInLink(platform, userId);

  await page.goto(url);
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByTestId("organization-name")).toHaveText(orgName);
  await expect(page.getByRole("button", { name: /Account menu for Lena Link/ })).toBeVisible();

  // The same link again, in another browser: used up.
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    await second.goto(url);
    await expect(second.getByRole("heading", { name: "This link did not work" })).toBeVisible();
    await expect(second.getByRole("alert").filter({ hasText: /\w/ })).toContainText("invalid, expired or already used");
    await expect(second.getByRole("link", { name: "Sign in with your password instead" })).toHaveAttribute(
      "href",
      "/sign-in",
    );
    await second.goto("/inbox");
    await expect(second).toHaveURL(/\/sign-in/);
  } finally {
    await other.close();
  }
});

test("an expired sign-in link shows the error page and signs nobody in", async ({ page, platform }) => {
  const { userId } = await syncPortalUser(platform);
  const url = await signInLink(platform, userId);
  const { databaseUrl } = JSON.parse(readFileSync(process.env.E2E_STATE_FILE ?? "tests/e2e/.state.json", "utf8"));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE "SignInToken" SET "expiresAt" = now() - interval '1 second' WHERE "userId" = $1`, [
      userId,
    ]);
  } finally {
    await client.end();
  }

  await page.goto(url);
  await expect(page.getByRole("heading", { name: "This link did not work" })).toBeVisible();
  await page.goto("/inbox");
  await expect(page).toHaveURL(/\/sign-in/);
});
