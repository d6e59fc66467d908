// The audit log as the console shows it: newest first, with the actor's name.
import { db } from "@/lib/db";

export interface AuditEntry {
  id: string;
  action: string;
  target: string | null;
  details: unknown;
  createdAt: Date;
  actor: { id: string; name: string; email: string } | null;
}

export async function listAuditLog({
  actionPrefix,
  limit = 50,
}: { actionPrefix?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  const rows = await db.auditLog.findMany({
    where: actionPrefix ? { action: { startsWith: actionPrefix } } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  const actorIds = [...new Set(rows.flatMap((row) => (row.actorId ? [row.actorId] : [])))];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    target: row.target,
    details: row.details,
    createdAt: row.createdAt,
    actor: row.actorId ? (byId.get(row.actorId) ?? { id: row.actorId, name: row.actorId, email: "" }) : null,
  }));
}
