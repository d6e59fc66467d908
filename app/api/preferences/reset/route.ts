import { withSession } from "@/lib/api/with-session";
import { resetUserPreferences } from "@/lib/preferences/user-preferences";

// POST /api/preferences/reset — "Reset to organization defaults": removes all the user's overrides.
export const POST = withSession(async (_request, { user }) =>
  Response.json(await resetUserPreferences({ userId: user.id, actorId: user.id })),
);
