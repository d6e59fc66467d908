import { withSession } from "@/lib/api/with-session";
import { validationError } from "@/lib/errors";
import type { Category } from "@/lib/notifications/catalog";
import { listNotifications } from "@/lib/notifications/inbox";
import { listQuerySchema, queryObject } from "@/lib/notifications/inbox-schemas";

// GET /api/notifications?status=all|unread|archived|snoozed&category=&cursor=&limit= → {items, nextCursor, unreadCount}
export const GET = withSession(async (request, { user }) => {
  const parsed = listQuerySchema.safeParse(queryObject(request));
  if (!parsed.success) throw validationError(parsed.error);
  const { status, category, cursor, limit } = parsed.data;
  const page = await listNotifications({
    userId: user.id,
    status,
    category: category as Category | undefined,
    cursor,
    limit,
  });
  return Response.json(page, { headers: { "cache-control": "no-store" } });
});
