import { queueSummaries } from "@/lib/observability/queues";
import { readiness } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

// GET /api/ready — readiness for a load balancer: 200 when this instance can take traffic; 503
// while it shuts down, when the database does not answer, or before its socket adapter is attached.
export async function GET() {
  const { shuttingDown, socketAdapter } = readiness();
  const body = {
    status: "ready" as "ready" | "not_ready",
    shuttingDown,
    socketAdapter: socketAdapter ?? null,
    database: "ok" as "ok" | "down",
    emailQueue: null as null | { waiting: number; oldestJobAgeSeconds: number },
  };
  try {
    const [queue] = await queueSummaries("email");
    body.emailQueue = { waiting: queue!.waiting, oldestJobAgeSeconds: Math.round(queue!.oldestAgeSeconds) };
  } catch {
    body.database = "down";
  }
  if (shuttingDown || !socketAdapter || body.database === "down") body.status = "not_ready";
  return Response.json(body, {
    status: body.status === "ready" ? 200 : 503,
    headers: { "cache-control": "no-store", ...(body.status === "ready" ? {} : { "Retry-After": "5" }) },
  });
}
