import { withSession } from "@/lib/api/with-session";
import { authorizeOrganization } from "@/lib/preferences/org-tree";
import { listRecipientRules } from "@/lib/recipient-rules/store";

// GET /api/organizations/{id}/recipient-rules — every type's effective rule for this organization, and where it comes from.
export const GET = withSession<{ id: string }>(async (_request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const { items } = await listRecipientRules({ organizationId: params.id, actorOrganizationId: user.organization.id });
  return Response.json({ items });
});
