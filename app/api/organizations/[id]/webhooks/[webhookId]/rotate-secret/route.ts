import { withSession } from "@/lib/api/with-session";
import { authorizeOrganization } from "@/lib/preferences/org-tree";
import { rotateSecret } from "@/lib/webhooks/endpoints";

type Params = { id: string; webhookId: string };

// POST /api/organizations/{id}/webhooks/{webhookId}/rotate-secret — {secret}; the old one keeps signing for 24 hours.
export const POST = withSession<Params>(async (_request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const rotated = await rotateSecret({ organizationId: params.id, endpointId: params.webhookId, actorId: user.id });
  return Response.json(rotated, { headers: { "cache-control": "no-store" } });
});
