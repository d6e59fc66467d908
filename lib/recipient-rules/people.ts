// The editor's user picker: active users of an organization and every organization beneath it,
// searched by name or email. Only users a rule of this organization may name (routing.md).
import { db } from "@/lib/db";
import { MAX_DEPTH } from "@/lib/directory/org-cache";

export interface Person {
  id: string;
  name: string;
  email: string;
  organizationName: string;
}

export async function searchPeople(params: { organizationId: string; q: string; limit: number }): Promise<Person[]> {
  // LIKE metacharacters in the query are literal.
  const pattern = `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.$queryRaw<Person[]>`
    WITH RECURSIVE tree AS (
      SELECT o.id, o.name, 0 AS depth FROM "Organization" o WHERE o.id = ${params.organizationId}
      UNION ALL
      SELECT c.id, c.name, t.depth + 1 FROM tree t JOIN "Organization" c ON c."parentId" = t.id WHERE t.depth < ${MAX_DEPTH}
    )
    SELECT u.id, u.name, u.email, t.name AS "organizationName"
    FROM tree t JOIN "User" u ON u."organizationId" = t.id
    WHERE u.active AND (u.name ILIKE ${pattern} OR u.email ILIKE ${pattern})
    ORDER BY t.depth, u.name, u.id
    LIMIT ${params.limit}`;
}
