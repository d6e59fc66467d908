// Helpers for the bell and inbox specs: each test makes its own organization and users through
// the Platform API and signs them in with one-time links, so no other test's data interferes.
import { expect, type Page } from "@playwright/test";
import { uniqueId, type Platform } from "./fixtures";

export interface TestUser {
  userId: string;
  orgId: string;
  name: string;
}

/** A customer organization under Contoso whose primary contact is a new user. */
export async function createUser(platform: Platform, name = "Ines Inbox"): Promise<TestUser> {
  const orgId = uniqueId("cust_inbox");
  const userId = uniqueId("u_inbox");
  const org = await platform.send(
    `/api/v1/organizations/${orgId}`,
    { name: `Inbox Test ${orgId}`, kind: "customer", parentId: "res_contoso", primaryContactId: userId },
    "PUT",
  );
  expect(org.status, JSON.stringify(org.json)).toBeLessThan(300);
  const user = await platform.send(
    `/api/v1/users/${userId}`,
    { email: `${userId}@inbox.example`, name, organizationId: orgId, role: "admin" },
    "PUT",
  );
  expect(user.status, JSON.stringify(user.json)).toBeLessThan(300);
  return { userId, orgId, name };
}

/** Signs the page's context in as this user through a fresh one-time link; ends on /inbox. */
export async function signInAs(page: Page, platform: Platform, user: TestUser) {
  const link = await platform.send(`/api/v1/users/${user.userId}/sign-in-links`, {});
  expect(link.status, JSON.stringify(link.json)).toBe(201);
  await page.goto(new URL(link.json.url).pathname + new URL(link.json.url).search);
  // The first sign-in on a fresh server also warms up its pages: allow more than the default.
  await expect(page).toHaveURL(/\/inbox$/, { timeout: 15_000 });
  // The socket connects after hydration; the header is there once the app shell rendered.
  await expect(page.getByTestId("bell")).toBeVisible();
}

/** `subscription.renewed` goes to the customer's primary contact: one notification for `user`. */
export function renewal(user: TestUser, subscriptionName: string) {
  return {
    id: uniqueId("evt_inbox"),
    type: "subscription.renewed",
    occurredAt: new Date().toISOString(),
    organizationId: user.orgId,
    data: { subscriptionId: uniqueId("sub"), subscriptionName, renewedAt: "2026-11-26T10:00:00Z" },
  };
}

/** `subscription.renewal_failed` is critical and goes to the customer's primary (and billing) contact. */
export function renewalFailed(user: TestUser, subscriptionName: string) {
  return {
    id: uniqueId("evt_inbox"),
    type: "subscription.renewal_failed",
    occurredAt: new Date().toISOString(),
    organizationId: user.orgId,
    data: { subscriptionId: uniqueId("sub"), subscriptionName, errorMessage: "Card declined" },
  };
}

/** Sends many events in one batch request and checks each was accepted. */
export async function sendBatch(platform: Platform, events: Record<string, unknown>[]) {
  for (let i = 0; i < events.length; i += 500) {
    const res = await platform.send("/api/v1/events/batch", { events: events.slice(i, i + 500) });
    expect(res.status, JSON.stringify(res.json)).toBe(207);
    for (const result of res.json.results) expect(result.status, JSON.stringify(result)).toBe("accepted");
  }
}

export const bell = (page: Page) => page.getByTestId("bell");

/** The bell's accessible name, e.g. "Notifications, 3 unread". */
export async function bellName(page: Page) {
  return (await bell(page).getAttribute("aria-label")) ?? "";
}

export const inboxItems = (page: Page) => page.locator("main [data-notification-item]");
