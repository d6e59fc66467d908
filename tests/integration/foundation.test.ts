import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { emitToUser } from "@/lib/realtime/emit";
import { verifyPassword, hashPassword } from "@/lib/auth/password";
import { callRoute, resetDatabase, sessionCookie } from "../support/integration";
import { nextEvent, startRealtime, type RealtimeHarness } from "../support/realtime";

let realtime: RealtimeHarness;

beforeAll(async () => {
  await resetDatabase();
  realtime = await startRealtime();
});
afterAll(() => realtime.close());

describe("health", () => {
  it("reports the database as reachable", async () => {
    const res = await callRoute(health, "/api/health");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: "ok", db: "ok" });
  });
});

describe("passwords", () => {
  it("are hashed with scrypt and verified", async () => {
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^scrypt\$/);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("wrong horse", hash)).toBe(false);
  });
});

describe("socket handshake", () => {
  it("refuses a socket without a session cookie", async () => {
    await expect(realtime.connect()).rejects.toThrow(/unauthorized/);
  });

  it("refuses a forged session cookie", async () => {
    await expect(realtime.connect("next-auth.session-token=not-a-jwt")).rejects.toThrow(/unauthorized/);
  });

  it("accepts a signed-in user and delivers only that user's room", async () => {
    const alice = await realtime.connect(await sessionCookie("u_alice"));
    const ben = await realtime.connect(await sessionCookie("u_ben"));
    let benReceived = 0;
    ben.on("notifications:unread-count", () => benReceived++);
    const received = nextEvent(alice, "notifications:unread-count");
    emitToUser("u_alice", "notifications:unread-count", { count: 7 });
    expect(await received).toEqual({ count: 7 });
    await new Promise((r) => setTimeout(r, 100));
    expect(benReceived).toBe(0);
  });
});
