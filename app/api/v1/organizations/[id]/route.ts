import { withApiKey } from "@/lib/api/with-api-key";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { upsertOrganization } from "@/lib/directory/organizations";
import { parsePathId } from "@/lib/directory/path-id";
import { organizationUpsertSchema } from "@/lib/directory/schemas";

// PUT /api/v1/organizations/{id} — create (201) or replace (200) an organization.
export const PUT = withApiKey<{ id: string }>("directory", async (request, { apiKey, params }) => {
  const parsed = organizationUpsertSchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  const id = parsePathId(params.id, parsed.data.id);
  const { organization, created } = await upsertOrganization({ id, input: parsed.data, apiKeyId: apiKey.id });
  return Response.json(organization, { status: created ? 201 : 200 });
});
