import { withSession } from "@/lib/api/with-session";
import { getDeliverySchedule, listUserCadences } from "@/lib/preferences/cadence";

// GET /api/preferences/delivery — the signed-in user's email cadence per category and their
// delivery schedule (daily digest time, quiet hours, timezone).
export const GET = withSession(async (_request, { user }) => {
  const [cadence, schedule] = await Promise.all([listUserCadences(user.id), getDeliverySchedule(user.id)]);
  return Response.json({ cadence, schedule });
});
