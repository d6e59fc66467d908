import { withApiKey } from "@/lib/api/with-api-key";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { parsePathId } from "@/lib/directory/path-id";
import { userUpsertSchema } from "@/lib/directory/schemas";
import { deactivateUser, upsertUser } from "@/lib/directory/users";

// PUT /api/v1/users/{id} — create (201) or replace (200) a user; reactivates a deactivated one.
export const PUT = withApiKey<{ id: string }>("directory", async (request, { apiKey, params }) => {
  const parsed = userUpsertSchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  const id = parsePathId(params.id, parsed.data.id);
  const { user, created } = await upsertUser({ id, input: parsed.data, apiKeyId: apiKey.id });
  return Response.json(user, { status: created ? 201 : 200 });
});

// DELETE /api/v1/users/{id} — deactivate (idempotent); notifications are kept.
export const DELETE = withApiKey<{ id: string }>("directory", async (_request, { apiKey, params }) => {
  const result = await deactivateUser({ id: parsePathId(params.id), apiKeyId: apiKey.id });
  return Response.json(result);
});
