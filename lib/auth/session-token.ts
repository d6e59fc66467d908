// Reads the NextAuth session cookie from a raw Cookie header. Used by API route handlers and by
// the Socket.IO handshake, which both see plain requests rather than Next's request context.
// Decrypting the token costs more than the rest of a typical API request, and a token's content
// never changes: the user id of each token is kept until the token expires. (Revocation is the
// user's active flag, which the callers check on every request.)
import "server-only";
import { parse as parseCookies } from "cookie";
import { decode, getToken } from "next-auth/jwt";
import { env } from "@/lib/env";
import { isHttps } from "@/lib/security/headers";

const MAX_ENTRIES = 10_000;

export interface SessionClaims {
  userId: string;
  /** Set at sign-in (lib/auth/options.ts); absent from sessions older than that. */
  sessionId?: string;
  /** Milliseconds since the epoch; Infinity when the token carries no expiry. */
  expiresAt: number;
}

const holder = globalThis as unknown as { __sessionTokens?: Map<string, SessionClaims> };
const decoded = (holder.__sessionTokens ??= new Map());

/** The session's user, id and expiry, or null without a valid, unexpired session cookie. */
export async function sessionFromCookie(cookieHeader: string | null | undefined): Promise<SessionClaims | null> {
  if (!cookieHeader) return null;
  const cookies = parseCookies(cookieHeader) as Record<string, string>;
  // raw: the token as sent (NextAuth joins a token split over several cookies), not decoded.
  const token = await getToken({
    req: { cookies, headers: {} } as never,
    secureCookie: isHttps(env().APP_URL),
    raw: true,
  });
  const secret = env().AUTH_SECRET;
  if (!token || !secret) return null;
  const hit = decoded.get(token);
  if (hit && hit.expiresAt > Date.now()) return hit;
  decoded.delete(token);
  const payload = await decode({ token, secret }).catch(() => null);
  if (!payload?.uid) return null;
  const claims: SessionClaims = {
    userId: payload.uid,
    sessionId: typeof payload.sid === "string" ? payload.sid : undefined,
    expiresAt: typeof payload.exp === "number" ? payload.exp * 1000 : Infinity,
  };
  if (typeof payload.exp === "number") {
    if (decoded.size >= MAX_ENTRIES) decoded.delete(decoded.keys().next().value!);
    decoded.set(token, claims);
  }
  return claims;
}
