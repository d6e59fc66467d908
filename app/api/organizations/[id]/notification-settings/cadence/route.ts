import { withSession } from "@/lib/api/with-session";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { authorizeOrganization } from "@/lib/preferences/org-tree";
import { changeOrganizationCadence, getOrganizationCadences } from "@/lib/preferences/cadence";
import { organizationCadenceBody } from "@/lib/preferences/schemas";

type Params = { id: string };

// GET /api/organizations/{id}/notification-settings/cadence — the organization's email cadence per
// category: its own value and lock, and what it inherits.
export const GET = withSession<Params>(async (_request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  return Response.json(
    await getOrganizationCadences({ organizationId: params.id, actorOrganizationId: user.organization.id }),
  );
});

// PUT /api/organizations/{id}/notification-settings/cadence — {category, cadence?: …|null, locked?: bool} → {item}.
export const PUT = withSession<Params>(async (request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const parsed = organizationCadenceBody.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  const item = await changeOrganizationCadence({
    actorId: user.id,
    actorOrganizationId: user.organization.id,
    organizationId: params.id,
    ...parsed.data,
  });
  return Response.json({ item });
});
