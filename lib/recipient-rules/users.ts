// The directory users a rule's entries name: by id, by (organization, role), by address, in one
// query (three index lookups; see loadPlannedUsers in lib/notifications/recipients.ts on why not
// one OR and not a prepared statement).
import { query, sql } from "@/lib/db";
import type { DirectoryUser } from "./resolve";
import type { Role } from "@/lib/generated/prisma/enums";

export async function loadDirectoryUsers(keys: {
  userIds: readonly string[];
  roles: readonly { orgId: string; role: Role }[];
  emails: readonly string[];
}): Promise<DirectoryUser[]> {
  if (!keys.userIds.length && !keys.roles.length && !keys.emails.length) return [];
  return query<DirectoryUser>(
    sql`SELECT u.id, u.email, u.name, u."organizationId", u.role::text AS role, u.active FROM "User" u
        WHERE u.id = ANY(${keys.userIds}::text[])
        UNION
        SELECT u.id, u.email, u.name, u."organizationId", u.role::text, u.active
        FROM unnest(${keys.roles.map((r) => r.orgId)}::text[], ${keys.roles.map((r) => r.role)}::text[]) AS r(organization_id, role)
        JOIN "User" u ON u."organizationId" = r.organization_id AND u.role = r.role::"Role"
        UNION
        SELECT u.id, u.email, u.name, u."organizationId", u.role::text, u.active FROM "User" u
        WHERE u.email = ANY(${keys.emails}::text[])`,
  );
}
