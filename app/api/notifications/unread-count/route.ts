import { withSession } from "@/lib/api/with-session";
import { validationError } from "@/lib/errors";
import type { Category } from "@/lib/notifications/catalog";
import { countUnread } from "@/lib/notifications/inbox";
import { countQuerySchema, queryObject } from "@/lib/notifications/inbox-schemas";

// GET /api/notifications/unread-count?category= → {count}
export const GET = withSession(async (request, { user }) => {
  const parsed = countQuerySchema.safeParse(queryObject(request));
  if (!parsed.success) throw validationError(parsed.error);
  const count = await countUnread({ userId: user.id, category: parsed.data.category as Category | undefined });
  return Response.json({ count }, { headers: { "cache-control": "no-store" } });
});
