import { withSession } from "@/lib/api/with-session";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { authorizeOrganization } from "@/lib/preferences/org-tree";
import { deleteEndpoint, findEndpoint, toEndpointView, updateEndpoint } from "@/lib/webhooks/endpoints";
import { updateWebhookBody } from "@/lib/webhooks/schemas";

type Params = { id: string; webhookId: string };

// GET /api/organizations/{id}/webhooks/{webhookId} — one endpoint (without its secret).
export const GET = withSession<Params>(async (_request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  return Response.json(toEndpointView(await findEndpoint(params.id, params.webhookId)));
});

// PATCH /api/organizations/{id}/webhooks/{webhookId} — {url?, types?, description?, enabled?}; enabled: true re-enables a disabled endpoint.
export const PATCH = withSession<Params>(async (request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const parsed = updateWebhookBody.safeParse(await readJson(request, 16 * 1024));
  if (!parsed.success) throw validationError(parsed.error);
  return Response.json(
    await updateEndpoint({
      organizationId: params.id,
      endpointId: params.webhookId,
      actorId: user.id,
      body: parsed.data,
    }),
  );
});

// DELETE /api/organizations/{id}/webhooks/{webhookId} — the endpoint and its deliveries.
export const DELETE = withSession<Params>(async (_request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  await deleteEndpoint({ organizationId: params.id, endpointId: params.webhookId, actorId: user.id });
  return new Response(null, { status: 204 });
});
