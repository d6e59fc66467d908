// Wraps a browser API route handler: refuses state changes sent from other sites (403), resolves
// the signed-in user (401 otherwise), awaits the route params and maps every error to the
// standard error shape.
import { assertSameOrigin } from "@/lib/api/same-origin";
import { AppError, errorResponse } from "@/lib/errors";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";

type Params = Record<string, string | string[]>;

export function withSession<P extends Params = Params>(
  handler: (request: Request, context: { user: CurrentUser; params: P }) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }) => {
    try {
      assertSameOrigin(request);
      const user = await getCurrentUser(request);
      if (!user) throw new AppError("unauthorized", "Sign in to continue");
      return await handler(request, { user, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
