// The open redirect after sign-in, against the real server and browser: the server's redirect (a
// signed-in visit to /sign-in) and the client's (after the form) both stay on the site.
import { test, expect, signIn, DEMO_PASSWORD, SIGN_IN_TIMEOUT } from "../e2e/fixtures";

const attacks = ["/%5Cevil.example", "/%09/evil.example", "/%5C/evil.example", "//evil.example"];

for (const callbackUrl of attacks) {
  test(`sign-in with callbackUrl=${callbackUrl} ends on this site`, async ({ page, baseURL }) => {
    // No request may leave for the other site, whatever happens.
    await page.route(
      (url) => url.hostname.endsWith("evil.example"),
      (route) => route.abort(),
    );
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email").fill("wendy@woodgrove.example");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/inbox$/, { timeout: SIGN_IN_TIMEOUT });
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);

    // Signed in, the page itself redirects on the server.
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await expect(page).toHaveURL(/\/inbox$/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}

test("a signed-in visit with a path on the site still goes there", async ({ page }) => {
  await signIn(page, "liam@litware.example");
  await page.goto("/sign-in?callbackUrl=%2Fsettings%2Fnotifications");
  await expect(page).toHaveURL(/\/settings\/notifications$/);
});
