// The editor's user picker: active users of an organization and every organization beneath it,
// searched by name or email. Only users a rule of this organization may name (routing.md).
import { db, sql } from "@/lib/db";
import { MAX_DEPTH } from "@/lib/directory/org-cache";

import type { Person } from "./people-types";

export async function searchPeople(params: { organizationId: string; q: string; limit: number }): Promise<Person[]> {
  // LIKE metacharacters in the query are literal.
  const pattern = `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.$queryRaw<Person[]>(sql`
    WITH RECURSIVE tree AS (
      SELECT o.id, o.name, 0 AS depth FROM "Organization" o WHERE o.id = ${params.organizationId}
      UNION ALL
      SELECT c.id, c.name, t.depth + 1 FROM tree t JOIN "Organization" c ON c."parentId" = t.id WHERE t.depth < ${MAX_DEPTH}
    )
    SELECT u.id, u.name, u.email, t.name AS "organizationName"
    FROM tree t JOIN "User" u ON u."organizationId" = t.id
    WHERE u.active AND (u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})
    ORDER BY t.depth, u.name, u.id
    LIMIT ${params.limit}`);
}

/** Names of the users rules name, for the editor (id → name). */
export async function userNames(userIds: string[]): Promise<Record<string, string>> {
  if (!userIds.length) return {};
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  return Object.fromEntries(users.map((u) => [u.id, u.name]));
}
