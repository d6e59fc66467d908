// The signed-in user, for pages and route handlers. The user's row is checked on each call (from a
// cache that every user change drops) so a deactivated user loses access at once, not when the
// session cookie expires.
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { userIdFromCookie } from "@/lib/auth/session-token";
import { getUser } from "@/lib/auth/user-cache";
import { safeReturnPath } from "@/lib/auth/return-path";

/** The signed-in user of a page (through Next's request context) or of an API request (its cookie). */
export async function getCurrentUser(request?: Request) {
  const userId = request
    ? await userIdFromCookie(request.headers.get("cookie"))
    : (await getServerSession(authOptions))?.user?.id;
  if (!userId) return null;
  const user = await getUser(userId);
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
