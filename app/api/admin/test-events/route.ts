import { readJson } from "@/lib/api/read-json";
import { withPlatformAdmin } from "@/lib/auth/platform-admin";
import { sendTestEvent, testEventSchema } from "@/lib/console/test-event";
import { validationError } from "@/lib/errors";

// POST /api/admin/test-events {type, organizationId, actorId?, data} — ingests a test event; 201 {id, eventId, status, notifications, url}.
export const POST = withPlatformAdmin(async (request, { user }) => {
  const parsed = testEventSchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  return Response.json(await sendTestEvent(parsed.data, { sentBy: user.id }), { status: 201 });
});
