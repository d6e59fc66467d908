import { withSession } from "@/lib/api/with-session";
import { authorizeOrganization } from "@/lib/preferences/org-tree";
import { peopleParams } from "@/lib/recipient-rules/params";
import { searchPeople } from "@/lib/recipient-rules/people";

// GET /api/organizations/{id}/people?q= — active users of this organization and those beneath it, by name or email (the rule editor's picker).
export const GET = withSession<{ id: string }>(async (request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const { q, limit } = peopleParams(request);
  return Response.json({ items: await searchPeople({ organizationId: params.id, q, limit }) });
});
