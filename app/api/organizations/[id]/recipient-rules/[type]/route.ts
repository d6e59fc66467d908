import { withSession } from "@/lib/api/with-session";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { authorizeOrganization } from "@/lib/preferences/org-tree";
import { typeParam } from "@/lib/recipient-rules/params";
import { recipientRuleBody } from "@/lib/recipient-rules/schemas";
import { deleteRecipientRule, getRecipientRule, saveRecipientRule } from "@/lib/recipient-rules/store";

type Params = { id: string; type: string };

// GET /api/organizations/{id}/recipient-rules/{type} — one type's effective rule.
export const GET = withSession<Params>(async (_request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const type = typeParam(params.type);
  return Response.json(
    await getRecipientRule({ organizationId: params.id, actorOrganizationId: user.organization.id, type }),
  );
});

// PUT /api/organizations/{id}/recipient-rules/{type} — {to, cc, bcc, locked?}: replaces this organization's rule.
export const PUT = withSession<Params>(async (request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const type = typeParam(params.type);
  const parsed = recipientRuleBody.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  const actor = { userId: user.id, organizationId: user.organization.id, via: "admin" as const };
  return Response.json(await saveRecipientRule({ actor, organizationId: params.id, type, body: parsed.data }));
});

// DELETE /api/organizations/{id}/recipient-rules/{type} — back to the inherited rule (returned).
export const DELETE = withSession<Params>(async (_request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const type = typeParam(params.type);
  const actor = { userId: user.id, organizationId: user.organization.id, via: "admin" as const };
  return Response.json(await deleteRecipientRule({ actor, organizationId: params.id, type }));
});
