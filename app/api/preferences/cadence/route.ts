import { withSession } from "@/lib/api/with-session";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { changeUserCadence } from "@/lib/preferences/cadence";
import { userCadenceBody } from "@/lib/preferences/schemas";

// PUT /api/preferences/cadence — {category, cadence: "instant"|"hourly"|"daily"|null} → {item};
// 409 when an organization locked that category's cadence.
export const PUT = withSession(async (request, { user }) => {
  const parsed = userCadenceBody.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  const item = await changeUserCadence({ userId: user.id, actorId: user.id, ...parsed.data });
  return Response.json({ item });
});
