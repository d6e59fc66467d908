import { z } from "zod";
import { withPlatformAdmin } from "@/lib/auth/platform-admin";
import { listAuditLog } from "@/lib/console/audit-log";
import { validationError } from "@/lib/errors";

const querySchema = z.object({
  action: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

// GET /api/admin/audit-log?action=api_key.&limit= — audit entries, newest first (action is a prefix).
export const GET = withPlatformAdmin(async (request) => {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  return Response.json({ items: await listAuditLog({ actionPrefix: parsed.data.action, limit: parsed.data.limit }) });
});
