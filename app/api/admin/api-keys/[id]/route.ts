import { revokeApiKey } from "@/lib/api-keys";
import { withPlatformAdmin } from "@/lib/auth/platform-admin";

// DELETE /api/admin/api-keys/{id} — revokes a key (idempotent: revoking twice answers revoked: false).
export const DELETE = withPlatformAdmin<{ id: string }>(async (_request, { params, user }) => {
  const revoked = await revokeApiKey({ id: params.id, actorId: user.id });
  return Response.json({ id: params.id, revoked });
});
