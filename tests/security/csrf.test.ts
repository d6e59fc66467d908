// Item 7: a page on another site (or a sibling subdomain) cannot make the signed-in browser change
// anything. Every cookie-authenticated route is checked, so a route added later is covered too.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as readAll } from "@/app/api/notifications/read-all/route";
import { POST as resetPreferences } from "@/app/api/preferences/reset/route";
import * as preferences from "@/app/api/preferences/route";
import { POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { db } from "@/lib/db";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";

beforeEach(() => resetDatabase());

const OUR_ORIGIN = "http://localhost:3999"; // APP_URL in the integration setup

// What a form on another site posts: text/plain needs no CORS preflight, and the cookie rides along.
const crossSiteForms: Record<string, Record<string, string>> = {
  "another site (Origin only, older browser)": { origin: "https://evil.example", "content-type": "text/plain" },
  "a sibling subdomain (same-site)": { "sec-fetch-site": "same-site", origin: "http://evil.localhost:3999" },
  "another site (Sec-Fetch-Site)": { "sec-fetch-site": "cross-site", "content-type": "text/plain" },
  "another site claiming our Origin": { "sec-fetch-site": "cross-site", origin: OUR_ORIGIN },
  "an opaque origin (sandboxed frame)": { origin: "null", "content-type": "text/plain" },
};

async function unreadCount(userId: string) {
  return db.notification.count({ where: { userId, readAt: null } });
}

async function giveUnread(userId: string) {
  const event = await db.event.create({
    data: {
      externalId: `evt_csrf_${Date.now()}_${Math.random()}`,
      type: "order.completed",
      organizationId: "cust_adatum",
      occurredAt: new Date(),
      data: {},
    },
  });
  await db.notification.create({
    data: {
      userId,
      eventId: event.id,
      type: "order.completed",
      category: "orders",
      title: "Order completed",
      body: "",
      reason: "test",
      critical: false,
    },
  });
}

describe("cross-site state changes are refused with 403", () => {
  for (const [who, headers] of Object.entries(crossSiteForms)) {
    it(`mark all read, from ${who}`, async () => {
      await giveUnread("u_alice");
      const res = await callRoute(readAll, "/api/notifications/read-all", {
        method: "POST",
        rawBody: "",
        headers: { ...headers, cookie: await sessionCookie("u_alice") },
      });
      expect(res.status).toBe(403);
      expect(res.json).toEqual({ error: { code: "forbidden", message: expect.stringMatching(/cross-site/i) } });
      expect(await unreadCount("u_alice")).toBe(1);
    });
  }

  it("reset preferences, from another site: the user's choices stay", async () => {
    const cookie = await sessionCookie("u_alice");
    const set = await callRoute(preferences.PUT, "/api/preferences", {
      method: "PUT",
      body: { type: "quote.sent", channel: "email", enabled: false },
      headers: { cookie, "sec-fetch-site": "same-origin", origin: OUR_ORIGIN },
    });
    expect(set.status).toBe(200);
    const res = await callRoute(resetPreferences, "/api/preferences/reset", {
      method: "POST",
      rawBody: "",
      headers: { cookie, origin: "https://evil.example", "content-type": "text/plain" },
    });
    expect(res.status).toBe(403);
    expect(await db.userPreference.count({ where: { userId: "u_alice" } })).toBe(1);
  });

  it("NextAuth's sign-in and sign-out POSTs, from another site", async () => {
    for (const action of [["callback", "credentials"], ["signout"]]) {
      const res = await callRoute(nextAuthPost, `/api/auth/${action.join("/")}`, {
        method: "POST",
        rawBody: "email=alice%40adatum.example&password=demo1234",
        params: { nextauth: action },
        headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "cross-site" },
      });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("forbidden");
    }
  });
});

describe("the center's own pages still work", () => {
  it("a same-origin request (modern browser) and one with only our Origin (older browser)", async () => {
    const pages: Record<string, string>[] = [
      { "sec-fetch-site": "same-origin", origin: OUR_ORIGIN },
      { origin: OUR_ORIGIN },
    ];
    for (const headers of pages) {
      await giveUnread("u_alice");
      const res = await callRoute(readAll, "/api/notifications/read-all", {
        method: "POST",
        headers: { ...headers, cookie: await sessionCookie("u_alice") },
      });
      expect(res.status).toBe(200);
      expect(res.json).toEqual({ updated: 1 });
    }
  });

  it("reads are not affected: a cross-site GET answers normally (CORS keeps the answer from the other site)", async () => {
    const res = await callRoute(preferences.GET, "/api/preferences", {
      headers: { cookie: await sessionCookie("u_alice"), "sec-fetch-site": "cross-site" },
    });
    expect(res.status).toBe(200);
  });
});

// Every browser API route (cookie session), found on disk: a new route is covered without being listed here.
const apiRoot = path.resolve(import.meta.dirname, "../../app/api");
const notCookieAuthenticated = /^(v1|webhooks|health|bench)(\/|$)/; // API keys, signatures, public

function routeFiles(dir = apiRoot): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

describe("every cookie-authenticated route refuses cross-site state changes", () => {
  const routes = routeFiles()
    .map((file) => path.relative(apiRoot, path.dirname(file)))
    .filter((route) => !notCookieAuthenticated.test(route));

  it("finds the browser routes", () => {
    expect(routes).toEqual(expect.arrayContaining(["notifications/read-all", "preferences/reset", "admin/api-keys"]));
  });

  for (const route of routes) {
    it(`/api/${route}`, async () => {
      const handlers = (await import(/* @vite-ignore */ path.join(apiRoot, route, "route.ts"))) as Record<
        string,
        unknown
      >;
      const methods = ["POST", "PUT", "PATCH", "DELETE"].filter((method) => typeof handlers[method] === "function");
      // The platform admin may use every route: a 403 can only come from the origin check.
      const cookie = await sessionCookie("u_platform_admin");
      for (const method of methods) {
        const params = Object.fromEntries(
          [...route.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map(([, name]) => [
            name!,
            name === "nextauth" ? ["signout"] : "x",
          ]),
        );
        const res = await callRoute(handlers[method] as never, `/api/${route}`, {
          method,
          rawBody: "{}",
          params,
          headers: { cookie, "content-type": "application/json", "sec-fetch-site": "cross-site" },
        });
        expect({ method, status: res.status, code: res.json?.error?.code }).toEqual({
          method,
          status: 403,
          code: "forbidden",
        });
      }
    });
  }
});
