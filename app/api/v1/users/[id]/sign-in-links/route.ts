import { withApiKey } from "@/lib/api/with-api-key";
import { parsePathId } from "@/lib/directory/path-id";
import { createUserSignInLink } from "@/lib/directory/users";

// POST /api/v1/users/{id}/sign-in-links — a one-time link (10 minutes) that signs the user in.
// No body is read. 404 for an unknown user, 409 for a deactivated one.
export const POST = withApiKey<{ id: string }>(async (_request, { params }) => {
  const link = await createUserSignInLink({ userId: parsePathId(params.id) });
  return Response.json(link, { status: 201 });
});
