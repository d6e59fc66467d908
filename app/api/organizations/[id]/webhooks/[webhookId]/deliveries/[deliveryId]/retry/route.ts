import { withSession } from "@/lib/api/with-session";
import { authorizeOrganization } from "@/lib/preferences/org-tree";
import { findEndpoint } from "@/lib/webhooks/endpoints";
import { retryMessage } from "@/lib/webhooks/messages";

type Params = { id: string; webhookId: string; deliveryId: string };

// POST /api/organizations/{id}/webhooks/{webhookId}/deliveries/{deliveryId}/retry — 202, queued again.
export const POST = withSession<Params>(async (_request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const endpoint = await findEndpoint(params.id, params.webhookId);
  await retryMessage({ endpointId: endpoint.id, messageId: params.deliveryId });
  return Response.json({ id: params.deliveryId, status: "pending" }, { status: 202 });
});
