import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// GET /api/health — liveness and database reachability
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", db: "ok" });
  } catch {
    return Response.json({ status: "degraded", db: "down" }, { status: 503 });
  }
}
