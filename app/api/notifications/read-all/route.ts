import { withSession } from "@/lib/api/with-session";
import { readOptionalJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import type { Category } from "@/lib/notifications/catalog";
import { markAllRead } from "@/lib/notifications/inbox";
import { publishStateChanges } from "@/lib/notifications/inbox-events";
import { readAllBodySchema } from "@/lib/notifications/inbox-schemas";

// POST /api/notifications/read-all with optional {category} → {updated}
export const POST = withSession(async (request, { user }) => {
  const parsed = readAllBodySchema.safeParse(await readOptionalJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  const changes = await markAllRead({ userId: user.id, category: parsed.data.category as Category | undefined });
  await publishStateChanges(user.id, changes);
  return Response.json({ updated: changes.length });
});
