// Open sockets end with their session: when it expires, when its user signs out (a revoked
// session) and when the user is deactivated. Expiry is checked every few seconds from what each
// socket already holds; the other two are checked, for all of this instance's sockets at once
// with two queries, whenever any instance announces a user, directory or session change
// (lib/cache/invalidation.ts), which is also what happens after a missed notice.
import type { Socket } from "socket.io";
import { db } from "@/lib/db";
import { isSessionRevoked } from "@/lib/auth/revoked-sessions";
import type { SessionClaims } from "@/lib/auth/session-token";
import { getUser } from "@/lib/auth/user-cache";
import { onInvalidate } from "@/lib/cache/invalidation";
import type { RealtimeServer } from "@/lib/realtime/emit";

const EXPIRY_SWEEP_MS = 5_000;
const CHUNK = 1_000;

/** For the handshake: the session is unexpired, not signed out, and its user active. */
export async function sessionStillValid(session: SessionClaims) {
  if (session.expiresAt <= Date.now()) return false;
  if (await isSessionRevoked(session.sessionId)) return false;
  return (await getUser(session.userId))?.active === true;
}

const sessionOf = (socket: Socket) => socket.data.session as SessionClaims | undefined;

async function checkAll(io: RealtimeServer) {
  const sockets = [...io.of("/").sockets.values()].filter((socket) => sessionOf(socket));
  if (sockets.length === 0) return;
  const userIds = [...new Set(sockets.map((socket) => sessionOf(socket)!.userId))];
  const sessionIds = [...new Set(sockets.flatMap((socket) => sessionOf(socket)!.sessionId ?? []))];
  const active = new Set<string>();
  const revoked = new Set<string>();
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const rows = await db.user.findMany({
      where: { id: { in: userIds.slice(i, i + CHUNK) }, active: true },
      select: { id: true },
    });
    rows.forEach((row) => active.add(row.id));
  }
  for (let i = 0; i < sessionIds.length; i += CHUNK) {
    const rows = await db.revokedSession.findMany({
      where: { id: { in: sessionIds.slice(i, i + CHUNK) } },
      select: { id: true },
    });
    rows.forEach((row) => revoked.add(row.id));
  }
  for (const socket of sockets) {
    const session = sessionOf(socket)!;
    if (!active.has(session.userId) || (session.sessionId && revoked.has(session.sessionId))) socket.disconnect(true);
  }
}

/** Starts watching this server's sockets; returns the function that stops it. */
export function watchSessions(io: RealtimeServer): () => void {
  let running: Promise<void> | undefined;
  let rerun = false;
  // One check at a time; notices that arrive meanwhile lead to one more check after it.
  const check = () => {
    if (running) return void (rerun = true);
    running = checkAll(io)
      .catch((error: unknown) => console.error("session check failed", error))
      .finally(() => {
        running = undefined;
        if (rerun) {
          rerun = false;
          check();
        }
      });
  };
  const expirySweep = setInterval(() => {
    const now = Date.now();
    for (const socket of io.of("/").sockets.values()) {
      const session = sessionOf(socket);
      if (session && session.expiresAt <= now) socket.disconnect(true);
    }
  }, EXPIRY_SWEEP_MS);
  expirySweep.unref();
  const stops = (["users", "directory", "sessions"] as const).map((topic) => onInvalidate(topic, check));
  return () => {
    clearInterval(expirySweep);
    stops.forEach((stop) => stop());
  };
}
