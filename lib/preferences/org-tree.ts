// The organization tree as preferences and their authorization need it: ancestor chains (one
// recursive query for any number of organizations) and the subtree an admin manages.
import { db, sql } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadOrgChains, MAX_DEPTH } from "@/lib/directory/org-cache";

type QueryClient = Pick<typeof db, "$queryRaw">;

export interface ChainLink {
  id: string;
  name: string;
  kind: string;
}

/** For each organization id: itself and its ancestors, nearest first, read now (settings changes and authorization must not use a cached tree). */
export function loadAncestorChains(
  organizationIds: string[],
  client: QueryClient = db,
): Promise<Map<string, ChainLink[]>> {
  return loadOrgChains(organizationIds, client);
}

interface ManagedOrganization extends ChainLink {
  parentId: string | null;
  depth: number;
}

/** The organization and every organization beneath it, in tree order (parents before children). */
export async function loadSubtree(rootId: string, client: QueryClient = db): Promise<ManagedOrganization[]> {
  const rows = await client.$queryRaw<(ManagedOrganization & { path: string[] })[]>(sql`
    WITH RECURSIVE tree AS (
      SELECT o.id, o.name, o.kind::text AS kind, o."parentId", 0 AS depth, ARRAY[o.name || ' ' || o.id] AS path
      FROM "Organization" o WHERE o.id = ${rootId}
      UNION ALL
      SELECT c.id, c.name, c.kind::text, c."parentId", t.depth + 1, t.path || (c.name || ' ' || c.id)
      FROM tree t JOIN "Organization" c ON c."parentId" = t.id
      WHERE t.depth < ${MAX_DEPTH}
    )
    SELECT id, name, kind, "parentId", depth, path FROM tree ORDER BY path`);
  return rows.map(({ path: _path, ...org }) => org);
}

interface Actor {
  id: string;
  role: string;
  organization: { id: string };
}

/**
 * Who may see and manage an organization's notification settings.
 * - Manage: an admin manages their own organization and everything beneath it (a customer admin
 *   just their customer; a reseller admin also its customers; a distributor its whole subtree; the
 *   platform admin, at the root, everything). Other roles manage nothing.
 * - Visible: what one may manage, plus one's own organization and its ancestors (a user knows
 *   who their reseller and distributor are). Asking about a visible organization one may not
 *   manage is 403; any other organization is 404, as if it did not exist.
 */
export async function authorizeOrganization(
  actor: Actor,
  organizationId: string,
  client: QueryClient = db,
): Promise<ChainLink[]> {
  const chains = await loadAncestorChains([organizationId, actor.organization.id], client);
  const target = chains.get(organizationId);
  const own = chains.get(actor.organization.id) ?? [];
  if (!target) throw notFound();
  const manages = actor.role === "admin" && target.some((link) => link.id === actor.organization.id);
  if (manages) return target;
  if (own.some((link) => link.id === organizationId)) {
    throw new AppError(
      "forbidden",
      actor.role === "admin"
        ? `You can manage ${own[0]!.name} and the organizations beneath it, not ${target[0]!.name}`
        : "Only organization admins can manage notification settings",
    );
  }
  throw notFound();
}

function notFound() {
  return new AppError("not_found", "Organization not found");
}

/** The organizations an actor may manage, for the picker: none unless they are an admin. */
export async function listManageableOrganizations(
  actor: Actor,
  client: QueryClient = db,
): Promise<ManagedOrganization[]> {
  if (actor.role !== "admin") return [];
  return loadSubtree(actor.organization.id, client);
}
