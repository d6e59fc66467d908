import { z } from "zod";
import { withSession } from "@/lib/api/with-session";
import { validationError } from "@/lib/errors";
import { listOrganizationHistory } from "@/lib/preferences/history";
import { authorizeOrganization } from "@/lib/preferences/org-tree";

const query = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().min(1).max(100).optional(),
});

// GET /api/organizations/{id}/notification-settings/history — changes to the organization's settings and its users' preferences, newest first.
export const GET = withSession<{ id: string }>(async (request, { user, params }) => {
  await authorizeOrganization(user, params.id);
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error, "query");
  return Response.json(
    await listOrganizationHistory({ organizationId: params.id, limit: parsed.data.limit, before: parsed.data.cursor }),
  );
});
