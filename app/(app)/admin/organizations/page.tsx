import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ChevronRight } from "lucide-react";
import { requireUser } from "@/lib/auth/session";
import { listManageableOrganizations } from "@/lib/preferences/org-tree";

export const metadata: Metadata = { title: "Organizations" };

const kindLabels: Record<string, string> = {
  platform: "Platform",
  distributor: "Distributor",
  reseller: "Reseller",
  customer: "Customer",
  vendor: "Vendor",
};

// The organizations the signed-in admin may manage: their own and everything beneath it.
export default async function OrganizationsPage() {
  const user = await requireUser();
  const organizations = await listManageableOrganizations(user);
  if (organizations.length === 0) forbidden();
  return (
    <section aria-labelledby="organizations-heading">
      <h1 id="organizations-heading" className="text-2xl font-semibold">
        Organizations
      </h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Set the notification defaults and locks of the organizations you manage.
      </p>
      <ul className="mt-6 divide-y divide-zinc-100 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {organizations.map((org) => (
          <li key={org.id}>
            <Link
              href={`/admin/organizations/${encodeURIComponent(org.id)}/notifications`}
              className="flex items-center gap-3 px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800/60"
              style={{ paddingLeft: `${1 + Math.min(org.depth, 6) * 1.25}rem` }}
            >
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium">{org.name}</span>
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                  {kindLabels[org.kind] ?? org.kind}
                </span>
              </span>
              <span className="hidden text-xs text-muted sm:inline">Notification settings</span>
              <ChevronRight aria-hidden className="size-4 text-zinc-400" />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
