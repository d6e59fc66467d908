import { z } from "zod";
import { env } from "@/lib/env";
import { AppError, errorResponse, validationError } from "@/lib/errors";
import { setMetricsEnabled } from "@/lib/observability/metrics";

// The benchmark's switch for "ingest with metrics on vs off" in one run, on one server. It exists
// only when BENCH_ROUTES=1 (`npm run bench` sets it); otherwise it is a 404.
export const dynamic = "force-dynamic";

const bodySchema = z.object({ enabled: z.boolean() }).strict();

// POST /api/bench/metrics {enabled} → {enabled}
export async function POST(request: Request) {
  try {
    if (!env().BENCH_ROUTES) throw new AppError("not_found", "Not found");
    const body = bodySchema.safeParse(await request.json().catch(() => null));
    if (!body.success) throw validationError(body.error);
    setMetricsEnabled(body.data.enabled);
    return Response.json(body.data);
  } catch (error) {
    return errorResponse(error);
  }
}
