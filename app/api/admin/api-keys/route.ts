import { z } from "zod";
import { createApiKey, listApiKeys } from "@/lib/api-keys";
import { readJson } from "@/lib/api/read-json";
import { withPlatformAdmin } from "@/lib/auth/platform-admin";
import { validationError } from "@/lib/errors";
import { apiKeyScopes } from "@/lib/api-key-scopes";

const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(100),
  scopes: z
    .array(z.enum(apiKeyScopes))
    .min(1, "Choose at least one scope")
    .max(apiKeyScopes.length * 2),
});

// GET /api/admin/api-keys — every key (never the key itself), newest first.
export const GET = withPlatformAdmin(async () => Response.json({ items: await listApiKeys() }));

// POST /api/admin/api-keys {name, scopes} — creates a key; the response is the only time the key is shown.
export const POST = withPlatformAdmin(async (request, { user }) => {
  const parsed = createApiKeySchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  return Response.json(await createApiKey({ ...parsed.data, actorId: user.id }), { status: 201 });
});
