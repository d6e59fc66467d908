import { withSession } from "@/lib/api/with-session";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { updateNotification } from "@/lib/notifications/inbox";
import { publishStateChanges } from "@/lib/notifications/inbox-events";
import { updateBodySchema } from "@/lib/notifications/inbox-schemas";

// PATCH /api/notifications/{id} {read?, archived?} → the item (404 for another user's id)
export const PATCH = withSession<{ id: string }>(async (request, { user, params }) => {
  const parsed = updateBodySchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  const item = await updateNotification({ userId: user.id, id: params.id, ...parsed.data });
  await publishStateChanges(user.id, [
    {
      id: item.id,
      readAt: item.readAt ? new Date(item.readAt) : null,
      archivedAt: item.archivedAt ? new Date(item.archivedAt) : null,
    },
  ]);
  return Response.json(item);
});
