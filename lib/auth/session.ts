// The signed-in user, for pages and route handlers. The user's row is checked on each call (from a
// cache that every user change drops) so a deactivated user loses access at once, not when the
// session cookie expires; so does a session ended by sign-out (lib/auth/revoked-sessions.ts).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isSessionRevoked } from "@/lib/auth/revoked-sessions";
import { sessionFromCookie } from "@/lib/auth/session-token";
import { getUser } from "@/lib/auth/user-cache";
import { safeReturnPath } from "@/lib/auth/return-path";

/** The signed-in user of a page (through Next's request context) or of an API request (its cookie). */
export async function getCurrentUser(request?: Request) {
  const cookie = request ? request.headers.get("cookie") : (await headers()).get("cookie");
  const session = await sessionFromCookie(cookie);
  if (!session || (await isSessionRevoked(session.sessionId))) return null;
  const user = await getUser(session.userId);
  return user?.active ? user : null;
}

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/** For pages and layouts: the signed-in user, or a redirect to sign-in that comes back to this page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const returnTo = safeReturnPath((await headers()).get("x-return-to"));
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  }
  return user;
}
