import { withPlatformAdmin } from "@/lib/auth/platform-admin";
import { activityQuerySchema, listActivity } from "@/lib/console/activity";
import { validationError } from "@/lib/errors";

// GET /api/admin/activity?type=&organizationId=&result=&from=&to=&cursor=&limit= — events, duplicates and rejections, newest first.
export const GET = withPlatformAdmin(async (request) => {
  const parsed = activityQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  return Response.json(await listActivity(parsed.data));
});
