import { withSession } from "@/lib/api/with-session";
import { authorizeOrganization } from "@/lib/preferences/org-tree";
import { previewFor, typeParam } from "@/lib/recipient-rules/params";
import { previewRecipientRule } from "@/lib/recipient-rules/preview";

// GET /api/organizations/{id}/recipient-rules/{type}/preview?for=<organization at or beneath> — who it would reach now, and why.
export const GET = withSession<{ id: string; type: string }>(async (request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const type = typeParam(params.type);
  return Response.json(
    await previewRecipientRule({ organizationId: params.id, type, forOrganizationId: previewFor(request, params.id) }),
  );
});
