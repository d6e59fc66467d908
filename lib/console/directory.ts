// The organization tree with each organization's users, for the console's directory and the
// test-event form. Small enough to load whole (a marketplace has thousands of orgs, not millions);
// the search keeps matching organizations plus their ancestors so each match keeps its place.
import { db } from "@/lib/db";

export interface DirectoryUser {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  isPrimary: boolean;
  isBilling: boolean;
}

export interface DirectoryOrg {
  id: string;
  name: string;
  kind: string;
  status: string;
  parentId: string | null;
  users: DirectoryUser[];
  children: DirectoryOrg[];
  /** False for an ancestor shown only to place a match in the tree. */
  matched: boolean;
}

// Display order of siblings: the distribution chain first, vendors last.
const kindOrder: Record<string, number> = { platform: 0, distributor: 1, reseller: 2, customer: 3, vendor: 4 };

export async function listOrganizationsWithUsers() {
  const [orgs, users] = await Promise.all([
    db.organization.findMany({
      select: {
        id: true,
        name: true,
        kind: true,
        status: true,
        parentId: true,
        primaryContactId: true,
        billingContactId: true,
      },
      orderBy: { name: "asc" },
    }),
    db.user.findMany({
      select: { id: true, name: true, email: true, role: true, active: true, organizationId: true },
      orderBy: { name: "asc" },
    }),
  ]);
  // Node 20 has no Map.groupBy.
  const usersByOrg = new Map<string, typeof users>();
  for (const user of users) {
    const list = usersByOrg.get(user.organizationId);
    if (list) list.push(user);
    else usersByOrg.set(user.organizationId, [user]);
  }
  return orgs.map((org) => ({
    ...org,
    users: (usersByOrg.get(org.id) ?? []).map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      active: user.active,
      isPrimary: org.primaryContactId === user.id,
      isBilling: org.billingContactId === user.id,
    })),
  }));
}

function matches(org: Awaited<ReturnType<typeof listOrganizationsWithUsers>>[number], needle: string) {
  const hit = (value: string) => value.toLowerCase().includes(needle);
  return hit(org.name) || hit(org.id) || org.users.some((user) => hit(user.name) || hit(user.email));
}

/** The tree (roots first); with `query`, only matching organizations and their ancestors. */
export async function getDirectory({ query }: { query?: string } = {}) {
  const orgs = await listOrganizationsWithUsers();
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const needle = query?.trim().toLowerCase();
  const matched = new Set(needle ? orgs.filter((org) => matches(org, needle)).map((org) => org.id) : byId.keys());
  const shown = new Set<string>();
  for (const id of matched) {
    // Walk up to the root; the visited set also stops a (corrupt) cycle.
    for (
      let cursor = byId.get(id);
      cursor && !shown.has(cursor.id);
      cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined
    ) {
      shown.add(cursor.id);
    }
  }
  const nodes = new Map<string, DirectoryOrg>();
  for (const id of shown) {
    const org = byId.get(id)!;
    nodes.set(id, {
      id,
      name: org.name,
      kind: org.kind,
      status: org.status,
      parentId: org.parentId,
      users: org.users,
      children: [],
      matched: matched.has(id),
    });
  }
  const roots: DirectoryOrg[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: DirectoryOrg[]) => {
    list.sort((a, b) => (kindOrder[a.kind] ?? 9) - (kindOrder[b.kind] ?? 9) || a.name.localeCompare(b.name));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return { roots, matchCount: matched.size, organizationCount: orgs.length };
}
