import { withPlatformAdmin } from "@/lib/auth/platform-admin";
import { getEventDetail } from "@/lib/console/event-detail";
import { AppError } from "@/lib/errors";

// GET /api/admin/events/{id} — one event (our id) with its envelope and delivery trail.
export const GET = withPlatformAdmin<{ id: string }>(async (_request, { params }) => {
  const detail = await getEventDetail(params.id);
  if (!detail) throw new AppError("not_found", `No event with id ${params.id}`);
  return Response.json(detail);
});
