// Shared end-to-end fixtures: sign in through the real form, and call the platform API with the
// key the test server created.
import { readFileSync } from "node:fs";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo1234";
export const SIGN_IN_TIMEOUT = 20_000;

export function state(): { apiKey: string; databaseUrl: string } {
  return JSON.parse(readFileSync(process.env.E2E_STATE_FILE ?? "tests/e2e/.state.json", "utf8"));
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // A password check costs scrypt at N = 2^17 by design: seconds on a loaded machine.
  await expect(page).toHaveURL(/\/inbox/, { timeout: SIGN_IN_TIMEOUT });
}

/** The visible toast that says `text` (the live region repeats its words for screen readers). */
export const toast = (page: Page, text: string | RegExp) =>
  page.locator("[data-sonner-toast]").filter({ hasText: text });

export interface Platform {
  apiKey: string;
  send(path: string, body: unknown, method?: "POST" | "PUT"): Promise<{ status: number; json: any }>;
  /** Sends an event envelope with a unique id; returns the response JSON. */
  event(envelope: Record<string, unknown>): Promise<any>;
}

let counter = 0;
export const uniqueId = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${process.pid}_${++counter}`;

/** The platform API through a request context (the `platform` fixture, or one a worker keeps). */
export function platformFor(request: APIRequestContext): Platform {
  const { apiKey } = state();
  const send = async (path: string, body: unknown, method: "POST" | "PUT" = "POST") => {
    const response = await request.fetch(path, { method, data: body, headers: { authorization: `Bearer ${apiKey}` } });
    return { status: response.status(), json: await response.json() };
  };
  return {
    apiKey,
    send,
    async event(envelope) {
      const res = await send("/api/v1/events", {
        id: uniqueId("evt"),
        occurredAt: new Date().toISOString(),
        ...envelope,
      });
      expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
      return res.json;
    },
  };
}

export const test = base.extend<{ platform: Platform }>({
  platform: async ({ request }, use) => use(platformFor(request)),
});

export { expect };
