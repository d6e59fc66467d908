import { withSession } from "@/lib/api/with-session";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { userPreferenceBody, targetTypes } from "@/lib/preferences/schemas";
import { changeUserPreferences, listUserPreferences } from "@/lib/preferences/user-preferences";

// GET /api/preferences — the signed-in user's effective value for every type × channel.
export const GET = withSession(async (_request, { user }) =>
  Response.json({ items: await listUserPreferences(user.id) }),
);

// PUT /api/preferences — {type|category, channel, enabled: true|false|null}; null returns to the inherited value.
export const PUT = withSession(async (request, { user }) => {
  const parsed = userPreferenceBody.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  const { types, strict } = targetTypes(parsed.data, user.organization.kind);
  const result = await changeUserPreferences({
    userId: user.id,
    types,
    strict,
    channel: parsed.data.channel,
    enabled: parsed.data.enabled,
    via: "settings",
    actorId: user.id,
  });
  return Response.json(result);
});
