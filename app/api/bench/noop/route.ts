import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";

// The benchmark's baseline: what a request costs through the custom server and Next with no work
// at all. It exists only when BENCH_ROUTES=1 (`npm run bench` sets it); otherwise it is a 404.
export const dynamic = "force-dynamic";

function noop() {
  if (!env().BENCH_ROUTES) return errorResponse(new AppError("not_found", "Not found"));
  return Response.json({});
}

// GET|POST /api/bench/noop → {}
export const GET = noop;
export const POST = noop;
