// WCAG 2.2 A/AA scan of every page with axe-core: light and dark, desktop and a 390 px phone, signed
// in as the role that uses the page. Any serious or critical violation fails the test. One browser
// context per role, signed in once; each page is loaded once per width and scanned in both schemes
// (every rule in light; in dark, where only colours change, the contrast rule).
// Adding a page is one line in `pages` below.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { test as base, expect, platformFor, signIn } from "./fixtures";
import { bell, signInAs } from "./inbox-helpers";
import { scanPage, type Violation } from "./a11y/axe";
import { createScanData, markSomeRead, type ScanData } from "./a11y/scan-data";

// The scan's data is made once per worker, with a request context of its own.
const test = base.extend<object, { scanData: ScanData }>({
  scanData: [
    async ({ playwright }, use, workerInfo) => {
      const request = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      await use(await createScanData(platformFor(request)));
      await request.dispose();
    },
    { scope: "worker" },
  ],
});

type Role = "visitor" | "customer" | "reseller" | "platform";

interface Entry {
  role: Role;
  /** What the test is called; the path by default. */
  name?: string;
  path: string | ((data: ScanData) => string);
  /** Parts of the page the scan leaves out (CSS selectors). */
  exclude?: string[];
  /** Brings the page into the state to scan (after each load). */
  setup?: (page: Page, data: ScanData) => Promise<void>;
}

const openBell = async (page: Page) => {
  await bell(page).click();
  await expect(page.getByRole("dialog", { name: "Notifications" }).getByRole("article").first()).toBeVisible();
};
const openAccountMenu = async (page: Page) => {
  await page.getByRole("button", { name: /account menu/i }).click();
  await expect(page.getByRole("menu")).toBeVisible();
};
const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
};

const pages: Entry[] = [
  { role: "visitor", path: "/sign-in", setup: heading(/sign in/i) },
  { role: "visitor", name: "sign-in link, expired", path: "/sign-in/link?token=expired" },
  { role: "visitor", name: "unsubscribe, confirm", path: (d) => d.unsubscribe.renewed },
  {
    role: "visitor",
    name: "unsubscribe, done",
    path: (d) => d.unsubscribe.renewed,
    setup: async (page) => {
      // Unsubscribe once; later loads find the address unsubscribed already.
      const button = page.getByRole("button", { name: "Unsubscribe" });
      if (await button.isVisible()) await button.click();
      await expect(page.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
    },
  },
  { role: "visitor", name: "unsubscribe, critical", path: (d) => d.unsubscribe.critical },
  { role: "visitor", name: "unsubscribe, invalid link", path: "/unsubscribe/confirm?token=forged.token" },
  {
    role: "customer",
    path: "/inbox",
    setup: async (page) => void (await expect(page.getByRole("button", { name: "Load more" })).toBeVisible()),
  },
  { role: "customer", name: "inbox, bell open", path: "/inbox?tab=unread", setup: openBell },
  { role: "customer", name: "inbox, account menu open", path: "/inbox?tab=archived", setup: openAccountMenu },
  { role: "customer", path: "/settings/notifications", setup: heading("Notification settings") },
  { role: "customer", name: "console, no access", path: "/admin" },
  { role: "reseller", path: "/admin/organizations", setup: heading("Organizations") },
  {
    role: "reseller",
    name: "/admin/organizations/res_contoso/notifications, recipient editor open",
    path: "/admin/organizations/res_contoso/notifications",
    setup: async (page) => {
      await page
        .getByRole("button", { name: /^Edit recipients/ })
        .first()
        .click();
      await expect(page.getByRole("button", { name: /^Close/, expanded: true })).toBeVisible();
    },
  },
  { role: "reseller", path: "/admin/organizations/res_contoso/webhooks", setup: heading("Contoso Reseller") },
  {
    role: "reseller",
    name: "/admin/organizations/res_contoso/webhooks, add endpoint dialog",
    path: "/admin/organizations/res_contoso/webhooks",
    setup: async (page) => {
      await page.getByRole("button", { name: "Add endpoint" }).click();
      await expect(page.getByRole("dialog", { name: "Add an endpoint" })).toBeVisible();
    },
  },
  { role: "platform", path: "/admin" },
  { role: "platform", path: "/admin/activity" },
  { role: "platform", name: "/admin/events/[id]", path: (d) => `/admin/events/${d.eventId}` },
  { role: "platform", name: "/admin/events/[id], not found", path: "/admin/events/evt_no_such_event" },
  { role: "platform", path: "/admin/api-keys" },
  { role: "platform", path: "/admin/test-event" },
  { role: "platform", path: "/admin/directory" },
  { role: "platform", path: "/dev/mailbox" },
  // The email itself (the HTML part's frame) is React Email's markup, not this app's: see docs/accessibility.md.
  {
    role: "platform",
    name: "/dev/mailbox/[id]",
    path: (d) => `/dev/mailbox/${d.emailId}`,
    exclude: ['iframe[title="HTML part"]'],
  },
];

const widths = [
  { name: "desktop", size: { width: 1280, height: 860 } },
  { name: "390 px", size: { width: 390, height: 844 } },
];

/** One signed-in context per role and worker, kept for every page of that role. */
const sessions = new Map<Role, Promise<Page>>();

async function session(browser: Browser, role: Role, data: ScanData): Promise<Page> {
  let page = sessions.get(role);
  if (!page) {
    page = (async () => {
      const context: BrowserContext = await browser.newContext();
      const page = await context.newPage();
      if (role === "customer") {
        await signInAs(page, data.platform, data.customer);
        await markSomeRead(page);
      }
      if (role === "reseller") await signIn(page, "ryan@contoso.example");
      if (role === "platform") await signIn(page, "admin@platform.example");
      return page;
    })();
    sessions.set(role, page);
  }
  return page;
}

test.afterAll(async () => {
  for (const page of sessions.values()) await (await page).context().close();
  sessions.clear();
});

for (const entry of pages) {
  test(`axe: ${entry.name ?? entry.path} (${entry.role})`, async ({ browser, scanData: data }) => {
    test.setTimeout(90_000);
    const page = await session(browser, entry.role, data);
    const path = typeof entry.path === "string" ? entry.path : entry.path(data);
    const found: Violation[] = [];
    for (const width of widths) {
      await page.setViewportSize(width.size);
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(path);
      await entry.setup?.(page, data);
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        found.push(
          ...(await scanPage(page, `${width.name}, ${scheme}`, {
            contrastOnly: scheme === "dark",
            exclude: entry.exclude,
          })),
        );
      }
      await page.keyboard.press("Escape");
    }
    expect(found.map((v) => v.text).join("\n\n")).toBe("");
  });
}
