import { withSession } from "@/lib/api/with-session";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { profileBodySchema, updateProfile } from "@/lib/profile";

// GET /api/profile → {timezone, locale} of the signed-in user.
export const GET = withSession(async (_request, { user }) =>
  Response.json({ timezone: user.timezone, locale: user.locale }),
);

// PATCH /api/profile {timezone?, locale?} → {timezone, locale}; an IANA zone and a BCP 47 tag (422 otherwise).
export const PATCH = withSession(async (request, { user }) => {
  const parsed = profileBodySchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  return Response.json(await updateProfile(user.id, parsed.data));
});
