import { withSession } from "@/lib/api/with-session";
import { authorizeOrganization } from "@/lib/preferences/org-tree";
import { findEndpoint } from "@/lib/webhooks/endpoints";
import { listDeliveries } from "@/lib/webhooks/messages";

type Params = { id: string; webhookId: string };

// GET /api/organizations/{id}/webhooks/{webhookId}/deliveries?cursor= — newest first, with every attempt.
export const GET = withSession<Params>(async (request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const endpoint = await findEndpoint(params.id, params.webhookId);
  const cursor = new URL(request.url).searchParams.get("cursor");
  return Response.json(await listDeliveries({ endpointId: endpoint.id, cursor }));
});
