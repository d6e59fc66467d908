// Item 6, deployment side: production refuses to start without APP_URL, and behind https (APP_URL
// https://…, TLS ended by the load balancer) every response carries HSTS, pages upgrade insecure
// requests, and every auth cookie is Secure with its __Secure-/__Host- prefix, and still works.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createFreshDatabase, type FreshDatabase } from "../support/database";
import { freePort } from "../support/instances";

function startServer(env: Record<string, string | undefined>) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", EMAIL_DISABLED: "true", APP_URL: undefined, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

test("production without APP_URL stops at start with a clear message", async () => {
  const server = startServer({
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none", // never reached: the check comes first
    PORT: String(await freePort()),
  });
  expect(await server.exited).toBe(1);
  expect(server.output()).toMatch(/APP_URL: is required in production: the public https:\/\/ URL/);
});

test.describe("behind https", () => {
  let database: FreshDatabase;
  let server: ReturnType<typeof startServer>;
  let base: string;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    database = await createFreshDatabase("nc_https");
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = startServer({
      DATABASE_URL: database.url,
      PORT: String(port),
      APP_URL: "https://notifications.example.test",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      SEED_DEMO_DATA: "true",
    });
    const health = () =>
      fetch(`${base}/api/health`).then(
        (r) => r.status,
        () => 0,
      );
    await expect
      .poll(health, { timeout: 60_000 })
      .toBe(200)
      .catch((error: Error) => {
        throw new Error(`${error.message}\nserver output:\n${server.output().slice(-2000)}`);
      });
  });

  test.afterAll(async () => {
    server?.child.kill("SIGTERM");
    await server?.exited;
    await database?.drop();
  });

  test("every response carries HSTS; pages upgrade insecure requests", async () => {
    for (const path of ["/sign-in", "/api/health", "/api/no-such-route"]) {
      const response = await fetch(`${base}${path}`, { redirect: "manual" });
      expect(response.headers.get("strict-transport-security"), path).toBe("max-age=31536000; includeSubDomains");
    }
    const page = await fetch(`${base}/sign-in`);
    expect(page.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  test("sign-in sets only Secure, prefixed cookies, and the session they carry works", async () => {
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const csrfCookies = csrf.headers.getSetCookie();
    expect(csrfCookies.length).toBeGreaterThan(0);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: csrfCookies.map((c) => c.split(";")[0]).join("; "),
      },
      body: new URLSearchParams({ csrfToken, email: "alice@adatum.example", password: "demo1234", json: "true" }),
    });
    const cookies = [...csrfCookies, ...signIn.headers.getSetCookie()];
    for (const cookie of cookies) {
      expect(cookie, cookie).toMatch(/^__(Secure|Host)-/);
      expect(cookie.toLowerCase(), cookie).toContain("; secure");
    }
    const session = cookies.find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(session, cookies.join("\n")).toBeTruthy();
    expect(session!.toLowerCase()).toContain("httponly");
    const count = await fetch(`${base}/api/notifications/unread-count`, {
      headers: { cookie: session!.split(";")[0]! },
    });
    expect(count.status).toBe(200);
  });
});
