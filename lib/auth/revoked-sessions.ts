// Sessions ended before their cookie expires. Sessions are JWTs, so signing out only deletes the
// browser's cookie; a copy of it would stay valid for hours. Sign-out records the session's id
// (the `sid` claim set at sign-in, lib/auth/options.ts) here, every request and socket checks it,
// and the notice reaches every instance (topic "sessions"), whose sockets of that session close.
import { db } from "@/lib/db";
import { invalidate, onInvalidate } from "@/lib/cache/invalidation";

// A safety net for a missed notice; a revocation normally drops the cache at once.
const LIFETIME_MS = 30_000;
const MAX_ENTRIES = 10_000;

const holder = globalThis as unknown as {
  __revokedSessions?: { known: Map<string, { revoked: boolean; until: number }>; generation: number };
};
const cache = (holder.__revokedSessions ??= { known: new Map(), generation: 0 });
onInvalidate("sessions", () => {
  cache.known.clear();
  cache.generation++;
});

/** Ends this session everywhere (sign-out). `expiresAt`: when its cookie would have expired. */
export async function revokeSession(sessionId: string, expiresAt: Date) {
  await db.revokedSession.upsert({ where: { id: sessionId }, create: { id: sessionId, expiresAt }, update: {} });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  await invalidate("sessions");
}

export async function isSessionRevoked(sessionId: string | undefined): Promise<boolean> {
  // Sessions signed before session ids existed cannot be revoked; they expire within 12 hours.
  if (!sessionId) return false;
  const now = Date.now();
  const hit = cache.known.get(sessionId);
  if (hit && hit.until > now) return hit.revoked;
  const generation = cache.generation;
  const revoked = (await db.revokedSession.count({ where: { id: sessionId } })) > 0;
  if (generation === cache.generation) {
    if (cache.known.size >= MAX_ENTRIES) cache.known.clear();
    cache.known.set(sessionId, { revoked, until: now + LIFETIME_MS });
  }
  return revoked;
}
