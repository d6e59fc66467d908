import { withSession } from "@/lib/api/with-session";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { authorizeOrganization } from "@/lib/preferences/org-tree";
import { createEndpoint, listEndpoints } from "@/lib/webhooks/endpoints";
import { createWebhookBody } from "@/lib/webhooks/schemas";

type Params = { id: string };

// GET /api/organizations/{id}/webhooks — the organization's endpoints (never their secrets).
export const GET = withSession<Params>(async (_request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  return Response.json({ items: await listEndpoints(params.id) });
});

// POST /api/organizations/{id}/webhooks — {url, types, description?, enabled?}; 201 with the secret, shown only now.
export const POST = withSession<Params>(async (request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const parsed = createWebhookBody.safeParse(await readJson(request, 16 * 1024));
  if (!parsed.success) throw validationError(parsed.error);
  const created = await createEndpoint({ organizationId: params.id, actorId: user.id, body: parsed.data });
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
