import { withSession } from "@/lib/api/with-session";
import { readJson } from "@/lib/api/read-json";
import { validationError } from "@/lib/errors";
import { parseMinute } from "@/lib/delivery-timing/zoned";
import { setDeliverySchedule } from "@/lib/preferences/cadence";
import { scheduleBody } from "@/lib/preferences/schemas";

// PUT /api/preferences/schedule — {digestTime?: "HH:MM", quietHours?: {start, end, days} | null}
// on the user's clock → {schedule}.
export const PUT = withSession(async (request, { user }) => {
  const parsed = scheduleBody.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error);
  const { digestTime, quietHours } = parsed.data;
  const schedule = await setDeliverySchedule(user.id, {
    ...(digestTime !== undefined ? { digestMinute: parseMinute(digestTime)! } : {}),
    ...(quietHours !== undefined
      ? {
          quietHours: quietHours && {
            start: parseMinute(quietHours.start)!,
            end: parseMinute(quietHours.end)!,
            days: quietHours.days,
          },
        }
      : {}),
  });
  return Response.json({ schedule });
});
