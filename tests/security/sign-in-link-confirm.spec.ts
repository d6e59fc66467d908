// Login CSRF with sign-in links: someone signed in who opens a link for another account is asked
// first, instead of having their session silently swapped; the link is not used up by asking.
import { test, expect, signIn, type Platform } from "../e2e/fixtures";

async function linkFor(platform: Platform, userId: string): Promise<string> {
  const link = await platform.send(`/api/v1/users/${userId}/sign-in-links`, {});
  expect(link.status, JSON.stringify(link.json)).toBe(201);
  return link.json.url;
}

const signedInAs = (page: import("@playwright/test").Page) =>
  page.evaluate(() =>
    fetch("/api/auth/session")
      .then((r) => r.json())
      .then((s) => s?.user?.email ?? null),
  );

test("a link for another account asks first; staying keeps the session, continuing switches", async ({
  page,
  platform,
}) => {
  await signIn(page, "fiona@fabrikam.example");
  const url = await linkFor(platform, "u_tom");

  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Switch accounts?" })).toBeVisible();
  await expect(page.getByText(/You are signed in as Fiona/)).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/sign-in-link-confirm.png" });
  expect(await signedInAs(page)).toBe("fiona@fabrikam.example");

  await page.getByRole("button", { name: /^Stay signed in as/ }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  expect(await signedInAs(page)).toBe("fiona@fabrikam.example");

  // The link was not used up by asking: opened again and confirmed, it signs Tom in.
  await page.goto(url);
  await page.getByRole("button", { name: /^Continue as/ }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect.poll(() => signedInAs(page)).toBe("tom@tailspin.example");
});

test("a link for the account already signed in just opens the inbox", async ({ page, platform }) => {
  await signIn(page, "victor@cloudware.example");
  await page.goto(await linkFor(platform, "u_victor"));
  await expect(page).toHaveURL(/\/inbox$/);
  expect(await signedInAs(page)).toBe("victor@cloudware.example");
});
