// Reads the NextAuth session cookie from a raw Cookie header. Used by API route handlers and by
// the Socket.IO handshake, which both see plain requests rather than Next's request context.
import { parse as parseCookies } from "cookie";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";

export async function userIdFromCookie(cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  const cookies = parseCookies(cookieHeader) as Record<string, string>;
  const token = await getToken({
    req: { cookies, headers: {} } as never,
    secret: process.env.AUTH_SECRET,
    secureCookie: env().APP_URL.startsWith("https://"),
  });
  return token?.uid ?? null;
}
