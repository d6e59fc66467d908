// Every page of the app, as the role that uses it, with the data that fills it in: shared by the
// accessibility scan (tests/e2e/accessibility.spec.ts) and the security headers check
// (tests/security/headers.spec.ts). Adding a page is one line in `pages` below.
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { test as base, expect, platformFor, signIn } from "../fixtures";
import { bell, signInAs } from "../inbox-helpers";
import { createScanData, markSomeRead, type ScanData } from "./scan-data";

// The scan's data is made once per worker, with a request context of its own.
export const test = base.extend<object, { scanData: ScanData }>({
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

export const pages: Entry[] = [
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
  {
    role: "customer",
    name: "inbox, snooze menu open",
    path: "/inbox",
    setup: async (page) => {
      await page
        .locator("main")
        .getByRole("button", { name: /^Snooze/ })
        .first()
        .click();
      await expect(page.getByRole("menu")).toBeVisible();
    },
  },
  {
    role: "customer",
    name: "inbox, Snoozed tab",
    path: "/inbox?tab=snoozed",
    setup: async (page) =>
      void (await expect(page.getByRole("tab", { name: "Snoozed", selected: true })).toBeVisible()),
  },
  { role: "customer", path: "/settings/notifications", setup: heading("Notification settings") },
  { role: "customer", path: "/settings/profile", setup: heading("Time zone and language") },
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

/** One signed-in context per role and worker, kept for every page of that role. */
const sessions = new Map<Role, Promise<Page>>();

export async function session(browser: Browser, role: Role, data: ScanData): Promise<Page> {
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

export async function closeSessions() {
  for (const page of sessions.values()) await (await page).context().close();
  sessions.clear();
}
