import { db, sql } from "@/lib/db";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";

export const dynamic = "force-dynamic";

// GET /api/health — liveness and database reachability: 503 with Retry-After while the database is down
export async function GET() {
  try {
    await db.$queryRaw(sql`SELECT 1`);
    return Response.json({ status: "ok", db: "ok" });
  } catch {
    return Response.json(
      { status: "degraded", db: "down" },
      { status: 503, headers: { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS) } },
    );
  }
}
