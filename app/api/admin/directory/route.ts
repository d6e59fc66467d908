import { z } from "zod";
import { withPlatformAdmin } from "@/lib/auth/platform-admin";
import { getDirectory } from "@/lib/console/directory";
import { validationError } from "@/lib/errors";

const querySchema = z.object({ q: z.string().max(200).optional() });

// GET /api/admin/directory?q= — the organization tree with users; q matches org names and user names or emails.
export const GET = withPlatformAdmin(async (request) => {
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error);
  return Response.json(await getDirectory({ query: parsed.data.q }));
});
