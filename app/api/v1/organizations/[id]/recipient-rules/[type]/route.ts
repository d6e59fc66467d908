import { withApiKey } from "@/lib/api/with-api-key";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { parsePathId } from "@/lib/directory/path-id";
import { typeParam } from "@/lib/recipient-rules/params";
import { recipientRuleBody } from "@/lib/recipient-rules/schemas";
import { deleteRecipientRule, saveRecipientRule } from "@/lib/recipient-rules/store";

type Params = { id: string; type: string };
// The marketplace itself (for migrations): above every lock but one set above the organization.
const actor = { userId: null, organizationId: null, via: "api" as const };

// PUT /api/v1/organizations/{id}/recipient-rules/{type} — {to, cc, bcc, locked?}: replaces the organization's rule.
export const PUT = withApiKey<Params>("recipient-rules", async (request, { params }) => {
  const organizationId = parsePathId(params.id);
  const type = typeParam(params.type);
  const parsed = recipientRuleBody.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  return Response.json(await saveRecipientRule({ actor, organizationId, type, body: parsed.data }));
});

// DELETE /api/v1/organizations/{id}/recipient-rules/{type} — back to the inherited rule (returned).
export const DELETE = withApiKey<Params>("recipient-rules", async (_request, { params }) => {
  const organizationId = parsePathId(params.id);
  return Response.json(await deleteRecipientRule({ actor, organizationId, type: typeParam(params.type) }));
});
