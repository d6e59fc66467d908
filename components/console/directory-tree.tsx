import { Badge, type Tone } from "@/components/console/badge";
import { clsx } from "clsx";
import { Cell, TableScroll, captionClass, collapsing, tdClass, thClass } from "@/components/console/table";
import type { DirectoryOrg } from "@/lib/console/directory";

const kindTone: Record<string, Tone> = {
  platform: "info",
  distributor: "info",
  reseller: "success",
  customer: "neutral",
  vendor: "warning",
};
const roleLabels: Record<string, string> = {
  admin: "Admin",
  account_manager: "Account manager",
  billing_admin: "Billing admin",
  member: "Member",
};

function OrgUsers({ org }: { org: DirectoryOrg }) {
  if (org.users.length === 0) return <p className="px-3 pb-3 text-sm text-muted">No users.</p>;
  return (
    <TableScroll label={`Users of ${org.name}`} className="mx-3 mb-3 max-sm:border-0 max-sm:bg-transparent">
      <table className={clsx("w-full min-w-[34rem] border-collapse text-left text-sm", collapsing.table)}>
        <caption className={captionClass}>Users of {org.name}</caption>
        <thead className={collapsing.thead}>
          <tr>
            <th scope="col" className={thClass}>
              Name
            </th>
            <th scope="col" className={thClass}>
              Email
            </th>
            <th scope="col" className={thClass}>
              Role
            </th>
            <th scope="col" className={thClass}>
              Contact
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
          </tr>
        </thead>
        <tbody className={collapsing.tbody}>
          {org.users.map((user) => (
            <tr key={user.id} className={collapsing.row}>
              <th scope="row" className={clsx(tdClass, "font-medium max-sm:block max-sm:border-0 max-sm:py-1")}>
                {user.name}
                <span className="block font-mono text-xs font-normal text-muted">{user.id}</span>
              </th>
              <Cell label="Email" className="break-all">
                {user.email}
              </Cell>
              <Cell label="Role">{roleLabels[user.role] ?? user.role}</Cell>
              <Cell label="Contact">
                <span className="flex flex-wrap gap-1">
                  {user.isPrimary && <Badge tone="info">Primary</Badge>}
                  {user.isBilling && <Badge tone="info">Billing</Badge>}
                  {!user.isPrimary && !user.isBilling && <span className="text-zinc-400">—</span>}
                </span>
              </Cell>
              <Cell label="Status">
                {user.active ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Deactivated</Badge>}
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function OrgNode({ org }: { org: DirectoryOrg }) {
  return (
    <li>
      <details open className="group rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2.5">
          <span className="font-medium">{org.name}</span>
          <Badge tone={kindTone[org.kind] ?? "neutral"}>{org.kind}</Badge>
          {org.status !== "active" && <Badge tone="warning">{org.status}</Badge>}
          <span className="font-mono text-xs text-muted">{org.id}</span>
          <span className="ml-auto text-xs text-muted">
            {org.users.length} {org.users.length === 1 ? "user" : "users"}
          </span>
        </summary>
        {org.matched ? (
          <OrgUsers org={org} />
        ) : (
          <p className="px-3 pb-3 text-xs text-muted">Shown for context: no match here.</p>
        )}
      </details>
      {org.children.length > 0 && (
        <ul
          className="mt-2 space-y-2 border-l border-zinc-200 pl-3 sm:pl-6 dark:border-zinc-800"
          aria-label={`Under ${org.name}`}
        >
          {org.children.map((child) => (
            <OrgNode key={child.id} org={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function DirectoryTree({ roots }: { roots: DirectoryOrg[] }) {
  return (
    <ul className="space-y-2" aria-label="Organization tree">
      {roots.map((org) => (
        <OrgNode key={org.id} org={org} />
      ))}
    </ul>
  );
}
