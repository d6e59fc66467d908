import { db, sql } from "@/lib/db";
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
    // Timestamps are UTC wall-clock time (timestamp(3)); the (status, runAt) index serves the filter.
    const [queue] = await db.$queryRaw<{ waiting: number; age: number }[]>(sql`
      SELECT count(*)::int AS waiting,
             COALESCE(GREATEST(0, EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC') - min("createdAt"))), 0)::float8 AS age
      FROM "EmailDelivery" WHERE status IN ('queued', 'sending')`);
    body.emailQueue = { waiting: queue?.waiting ?? 0, oldestJobAgeSeconds: Math.round(queue?.age ?? 0) };
  } catch {
    body.database = "down";
  }
  if (shuttingDown || !socketAdapter || body.database === "down") body.status = "not_ready";
  return Response.json(body, {
    status: body.status === "ready" ? 200 : 503,
    headers: { "cache-control": "no-store", ...(body.status === "ready" ? {} : { "Retry-After": "5" }) },
  });
}
