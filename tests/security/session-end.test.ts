// Open sockets end with their session: after sign-out (on this or another instance), after the
// user's deactivation, and when the session expires — within 10 s, on a real Socket.IO server
// with real session cookies. A signed-out cookie also stops working for the API.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteUser } from "@/app/api/v1/users/[id]/route";
import { authOptions } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { announceFromAnotherInstance, callRoute, resetDatabase } from "../support/integration";
import { startInstance, type Instance } from "../support/instances";
import { bearer, newApiKey } from "../support/platform-api";

let instance: Instance;
beforeAll(async () => {
  await resetDatabase();
  instance = await startInstance();
});
afterAll(() => instance.close());

async function newUser() {
  const id = `u_sess_${randomUUID().slice(0, 8)}`;
  await db.user.create({ data: { id, email: `${id}@adatum.example`, name: id, organizationId: "cust_adatum" } });
  return id;
}

/** A session cookie as NextAuth issues it at sign-in (with its session id), lasting `maxAge` seconds. */
async function signedIn(userId: string, maxAge = 3600) {
  const sid = randomUUID();
  const token = { sub: userId, uid: userId, sid, organizationId: "cust_adatum", role: "member" as const };
  const jwt = await encode({ token, secret: process.env.AUTH_SECRET!, maxAge });
  return { sid, exp: Math.floor(Date.now() / 1000) + maxAge, cookie: `next-auth.session-token=${jwt}` };
}

/** Resolves when the server closes the socket; fails the test if that takes more than 10 s. */
function closedWithin10s(socket: Socket) {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("socket still open after 10 s")), 10_000);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

const apiUser = (cookie: string) =>
  getCurrentUser(new Request("http://localhost:3999/api/notifications", { headers: { cookie } }));

describe("sockets end with their session", () => {
  it("sign-out closes that session's sockets and its cookie stops working; the user's other session stays", async () => {
    const userId = await newUser();
    const laptop = await signedIn(userId);
    const phone = await signedIn(userId);
    const laptopSocket = await instance.connect(laptop.cookie);
    const phoneSocket = await instance.connect(phone.cookie);
    const closed = closedWithin10s(laptopSocket);

    // What NextAuth calls when the laptop signs out.
    await authOptions.events!.signOut!({
      token: { uid: userId, sid: laptop.sid, exp: laptop.exp } as never,
      session: null as never,
    });
    expect(await closed).toBe("io server disconnect");
    expect(await apiUser(laptop.cookie)).toBeNull();
    await expect(instance.connect(laptop.cookie)).rejects.toThrow("unauthorized");

    expect(phoneSocket.connected).toBe(true);
    expect((await apiUser(phone.cookie))?.id).toBe(userId);
  });

  it("a sign-out on another instance reaches this one's sockets through its notice", async () => {
    const userId = await newUser();
    const session = await signedIn(userId);
    const socket = await instance.connect(session.cookie);
    const closed = closedWithin10s(socket);
    // Another instance records the sign-out and announces it; this process did not see the write.
    await db.revokedSession.create({ data: { id: session.sid, expiresAt: new Date(session.exp * 1000) } });
    await announceFromAnotherInstance("sessions");
    expect(await closed).toBe("io server disconnect");
  });

  it("deactivating the user closes all their sockets", async () => {
    const userId = await newUser();
    const sockets = await Promise.all(
      [signedIn(userId), signedIn(userId)].map(async (s) => instance.connect((await s).cookie)),
    );
    const closed = sockets.map(closedWithin10s);
    const key = await newApiKey("deactivate");
    const res = await callRoute(deleteUser, `/api/v1/users/${userId}`, {
      method: "DELETE",
      headers: bearer(key),
      params: { id: userId },
    });
    expect(res.status).toBe(200);
    expect(await Promise.all(closed)).toEqual(["io server disconnect", "io server disconnect"]);
  });

  it("an expiring session's socket is closed once it expires", async () => {
    const userId = await newUser();
    const session = await signedIn(userId, 2);
    const socket = await instance.connect(session.cookie);
    expect(await closedWithin10s(socket)).toBe("io server disconnect");
    await expect(instance.connect(session.cookie)).rejects.toThrow("unauthorized");
  }, 20_000);
});
