import { withSession } from "@/lib/api/with-session";
import { authorizeOrganization } from "@/lib/preferences/org-tree";
import { findEndpoint } from "@/lib/webhooks/endpoints";
import { sendTestMessage } from "@/lib/webhooks/messages";

type Params = { id: string; webhookId: string };

// POST /api/organizations/{id}/webhooks/{webhookId}/test — sends a webhook.test message now; returns the attempt.
export const POST = withSession<Params>(async (_request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const endpoint = await findEndpoint(params.id, params.webhookId);
  return Response.json(await sendTestMessage({ endpoint, actor: user }));
});
