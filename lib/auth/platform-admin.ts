// Platform admins (role `admin` in the organization of kind `platform`) run the console under
// /admin. Everyone else gets 403: pages through forbidden(), API routes as the standard JSON error.
import { forbidden } from "next/navigation";
import { withSession } from "@/lib/api/with-session";
import { AppError } from "@/lib/errors";
import { requireUser, type CurrentUser } from "@/lib/auth/session";

type Params = Record<string, string | string[]>;

export function isPlatformAdmin(user: Pick<CurrentUser, "role" | "organization">): boolean {
  return user.role === "admin" && user.organization.kind === "platform";
}

/** For console pages: the signed-in platform admin; sign-in redirect if anonymous, 403 page otherwise. */
export async function requirePlatformAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!isPlatformAdmin(user)) forbidden();
  return user;
}

/** For console API routes: 401 when anonymous (withSession), 403 for anyone but a platform admin. */
export function withPlatformAdmin<P extends Params = Params>(
  handler: (request: Request, context: { user: CurrentUser; params: P }) => Promise<Response>,
) {
  return withSession<P>(async (request, context) => {
    if (!isPlatformAdmin(context.user)) throw new AppError("forbidden", "Only platform admins can use the console");
    return handler(request, context);
  });
}
