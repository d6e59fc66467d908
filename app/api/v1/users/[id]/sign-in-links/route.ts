import { withApiKey } from "@/lib/api/with-api-key";
import { parsePathId } from "@/lib/directory/path-id";
import { createUserSignInLink } from "@/lib/directory/users";

// POST /api/v1/users/{id}/sign-in-links — a one-time link (10 minutes) that signs the user in.
// No body is read. 404 for an unknown user, 409 for a deactivated one, 403 for a platform user.
// Every link asked for is in the audit log (which key, for whom).
export const POST = withApiKey<{ id: string }>("sign-in-links", async (_request, { apiKey, params }) => {
  const link = await createUserSignInLink({ userId: parsePathId(params.id), apiKey });
  return Response.json(link, { status: 201 });
});
