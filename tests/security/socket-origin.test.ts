// Item 12/15 (sockets): the Socket.IO handshake's Origin is compared with APP_URL's origin, the
// public URL, never with the request's Host: a page served under another name (a hostile Host
// header, DNS rebinding) is refused even when its Origin and Host agree.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { resetDatabase, sessionCookie } from "../support/integration";
import { startRealtime, type RealtimeHarness } from "../support/realtime";

const OUR_ORIGIN = new URL(process.env.APP_URL!).origin; // tests/integration/setup.ts: http://localhost:3999
let harness: RealtimeHarness;
let cookie: string;

beforeAll(async () => {
  await resetDatabase();
  harness = await startRealtime();
  cookie = await sessionCookie("u_alice");
});
afterAll(() => harness.close());

/** Connects with these headers over the given transport: "connected", or the refusal's message. */
function attempt(headers: Record<string, string>, transport: "websocket" | "polling") {
  const socket: Socket = connect(harness.url, {
    path: "/socket.io",
    transports: [transport],
    extraHeaders: { cookie, ...headers },
    reconnection: false,
    timeout: 5000,
  });
  return new Promise<string>((resolve) => {
    socket.once("connect", () => {
      socket.disconnect();
      resolve("connected");
    });
    socket.once("connect_error", (error) => {
      socket.disconnect();
      resolve(`refused: ${error.message}`);
    });
  });
}

describe.each(["websocket", "polling"] as const)("the socket handshake over %s", (transport) => {
  it("accepts a page of the center (Origin is APP_URL's), whatever Host a proxy passes on", async () => {
    expect(await attempt({ origin: OUR_ORIGIN }, transport)).toBe("connected");
    expect(await attempt({ origin: OUR_ORIGIN, host: "internal-node-7:3000" }, transport)).toBe("connected");
  });

  it("refuses a hostile Host with a matching Origin (a page served under another name)", async () => {
    const refused = await attempt({ host: "evil.example", origin: "http://evil.example" }, transport);
    expect(refused).toMatch(/^refused/);
    expect(await attempt({ host: "evil.example:80", origin: "http://evil.example:80" }, transport)).toMatch(/^refused/);
  });

  it("refuses another origin, also with our Host, and an opaque one", async () => {
    const host = new URL(OUR_ORIGIN).host;
    expect(await attempt({ host, origin: "https://evil.example" }, transport)).toMatch(/^refused/);
    expect(await attempt({ host, origin: "http://localhost:3998" }, transport)).toMatch(/^refused/);
    expect(await attempt({ origin: "null" }, transport)).toMatch(/^refused/);
  });
});

it("a client that sends no Origin (not a browser) still needs a valid session", async () => {
  expect(await attempt({}, "websocket")).toBe("connected");
  const anonymous = connect(harness.url, { path: "/socket.io", transports: ["websocket"], reconnection: false });
  const outcome = await new Promise<string>((resolve) => {
    anonymous.once("connect", () => resolve("connected"));
    anonymous.once("connect_error", (error) => resolve(`refused: ${error.message}`));
  });
  anonymous.disconnect();
  expect(outcome).toBe("refused: unauthorized");
});
