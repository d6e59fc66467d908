import { withSession } from "@/lib/api/with-session";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { updateNotification } from "@/lib/notifications/inbox";
import { publishItemChange } from "@/lib/notifications/inbox-events";
import { updateBodySchema } from "@/lib/notifications/inbox-schemas";

// PATCH /api/notifications/{id} {read?, archived?, snoozedUntil?} → the item (404 for another user's id)
export const PATCH = withSession<{ id: string }>(async (request, { user, params }) => {
  const parsed = updateBodySchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  const item = await updateNotification({ userId: user.id, id: params.id, ...parsed.data });
  await publishItemChange(user.id, item);
  return Response.json(item);
});
