import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { renderMetrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

const digest = (text: string) => createHash("sha256").update(text).digest();

// GET /metrics — this instance's Prometheus metrics; `Authorization: Bearer $METRICS_TOKEN`
export async function GET(request: Request) {
  try {
    const token = env().METRICS_TOKEN;
    if (!token) throw new AppError("not_found", "Metrics are off: set METRICS_TOKEN to serve them");
    const given = request.headers.get("authorization")?.match(/^Bearer (.+)$/)?.[1] ?? "";
    if (!timingSafeEqual(digest(given), digest(token))) {
      throw new AppError("unauthorized", "Send the metrics token as Authorization: Bearer <METRICS_TOKEN>");
    }
    const { body, contentType } = await renderMetrics();
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
