// Item 6: every page runs under a nonce-based Content-Security-Policy without a single violation
// (Next's scripts, hydration, Socket.IO, toasts, the captured emails' frame), cannot be framed by
// another site, and every response (pages, JSON, files, errors) carries the baseline headers.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expect } from "../e2e/fixtures";
import { closeSessions, pages, session, test } from "../e2e/a11y/pages";
import { renewal } from "../e2e/inbox-helpers";

test.afterAll(closeSessions);

const port = process.env.E2E_PORT ?? "3100";
const appOrigin = `http://localhost:${port}`;

/** CSP violations the page reports, both as events and as console errors. */
const watched = new WeakMap<Page, string[]>();
async function watch(page: Page) {
  if (watched.has(page)) return watched.get(page)!;
  const found: string[] = [];
  watched.set(page, found);
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) found.push(`console: ${message.text()}`);
  });
  await page.exposeFunction("__reportViolation", (text: string) => found.push(`event: ${text}`));
  await page
    .context()
    .addInitScript(() =>
      document.addEventListener("securitypolicyviolation", (event) =>
        (window as unknown as { __reportViolation(text: string): void }).__reportViolation(
          `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
        ),
      ),
    );
  return found;
}

function expectBaseline(headers: Record<string, string>) {
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  // http://localhost here: no HSTS (tests/security/https-deployment.spec.ts covers https).
  expect(headers["strict-transport-security"]).toBeUndefined();
}

for (const entry of pages) {
  test(`CSP: ${entry.name ?? entry.path} (${entry.role})`, async ({ browser, scanData: data }) => {
    test.setTimeout(60_000);
    const page = await session(browser, entry.role, data);
    const violations = await watch(page);
    violations.length = 0;
    const path = typeof entry.path === "string" ? entry.path : entry.path(data);
    const response = await page.goto(path);
    await entry.setup?.(page, data);
    await page.waitForLoadState("load");

    const headers = response!.headers();
    expectBaseline(headers);
    const policy = headers["content-security-policy"]!;
    const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce, policy).toBeTruthy();
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    // The page's inline scripts (Next's data) carry this response's nonce, and the app hydrated.
    // (Chunks that Next's runtime adds later need none: 'strict-dynamic' trusts what trusted code loads.)
    const inline = await page.evaluate(() =>
      [...document.querySelectorAll("script:not([src])")].map((script) => (script as HTMLScriptElement).nonce),
    );
    expect(inline.length).toBeGreaterThan(0);
    expect(new Set(inline)).toEqual(new Set([nonce]));
    await expect.poll(() => page.evaluate(() => "next" in window)).toBe(true);
    expect(violations).toEqual([]);
  });
}

test("the signed-in app keeps its live connection and its toasts under the policy", async ({ browser, scanData }) => {
  const page = await session(browser, "customer", scanData);
  const violations = await watch(page);
  violations.length = 0;
  await page.goto("/inbox");
  // A new notification arrives over Socket.IO and shows a toast (sonner injects its styles).
  const title = `Live under CSP ${Date.now()}`;
  await scanData.platform.event(renewal(scanData.customer, title));
  await expect(page.getByText(title).first()).toBeVisible({ timeout: 15_000 });
  expect(violations).toEqual([]);
});

test("injected markup cannot run script: inline event handlers and javascript: links are blocked", async ({
  browser,
  scanData,
}) => {
  const page = await session(browser, "customer", scanData);
  const violations = await watch(page);
  await page.goto("/settings/notifications");
  violations.length = 0;
  // What an HTML injection would add to the page, had escaping failed somewhere.
  await page.evaluate(() =>
    document.body.insertAdjacentHTML(
      "beforeend",
      '<img src="data:," onload="window.__handler = 1"><a id="injected" href="javascript:window.__link = 1">x</a>',
    ),
  );
  await page.locator("#injected").click();
  await page.waitForTimeout(300);
  const ran = await page.evaluate(() => {
    const flags = window as unknown as { __handler?: number; __link?: number };
    return { handler: flags.__handler ?? 0, link: flags.__link ?? 0 };
  });
  expect(ran).toEqual({ handler: 0, link: 0 });
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
});

test("another site cannot frame the center's pages", async ({ browser, scanData }) => {
  const page = await session(browser, "reseller", scanData);
  // A page on another origin (a local server) that frames the organization settings.
  const attacker = createServer((_req, res) => {
    res.setHeader("content-type", "text/html");
    res.end(`<iframe name="target" src="${appOrigin}/admin/organizations/res_contoso/notifications"></iframe>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    const frame = page.frame({ name: "target" })!;
    await page.waitForTimeout(1000);
    // Blocked: the frame holds Chromium's error page, never the settings.
    expect(frame.url()).not.toContain("/admin/organizations");
    await expect(frame.getByRole("heading", { name: "Contoso Reseller" })).toHaveCount(0);
  } finally {
    attacker.close();
  }
});

test("every kind of response carries the baseline headers", async ({ request, page }) => {
  const api = await request.get("/api/health");
  expectBaseline(api.headers());
  // JSON and files are not pages: nothing in them may load or run anything.
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expectBaseline((await request.get("/api/no-such-route")).headers());
  expectBaseline((await request.delete("/api/health")).headers()); // 405 from the server
  const tooLarge = await request.post("/api/notifications/read-all", { data: "x".repeat(2 * 1024 * 1024) });
  expect(tooLarge.status()).toBe(413);
  expectBaseline(tooLarge.headers());
  expectBaseline((await request.get("/no-such-page")).headers());
  // A script file of the app.
  await page.goto("/sign-in");
  const src = await page.evaluate(() => document.querySelector<HTMLScriptElement>("script[src]")!.src);
  expectBaseline((await request.get(src)).headers());
  // Socket.IO's long-polling answers too.
  const polling = await request.get("/socket.io/?EIO=4&transport=polling");
  expect(polling.headers()["x-content-type-options"]).toBe("nosniff");
});
