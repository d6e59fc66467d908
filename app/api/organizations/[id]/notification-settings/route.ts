import { withSession } from "@/lib/api/with-session";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { authorizeOrganization } from "@/lib/preferences/org-tree";
import { changeOrganizationSettings, getOrganizationSettings } from "@/lib/preferences/org-settings";
import { organizationSettingBody, targetTypes } from "@/lib/preferences/schemas";

type Params = { id: string };

// GET /api/organizations/{id}/notification-settings — the organization's own values and locks, with what it inherits.
export const GET = withSession<Params>(async (_request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  return Response.json(
    await getOrganizationSettings({ organizationId: params.id, actorOrganizationId: user.organization.id }),
  );
});

// PUT /api/organizations/{id}/notification-settings — {type|category, channel, enabled?: bool|null, locked?: bool}.
export const PUT = withSession<Params>(async (request, { user, params }) => {
  const [organization] = await authorizeOrganization(user, params.id);
  const parsed = organizationSettingBody.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  const { types, strict } = targetTypes(parsed.data, organization!.kind);
  const { channel, enabled, locked } = parsed.data;
  return Response.json(
    await changeOrganizationSettings({
      actorId: user.id,
      actorOrganizationId: user.organization.id,
      organizationId: params.id,
      types,
      strict,
      channel,
      enabled,
      locked,
    }),
  );
});
