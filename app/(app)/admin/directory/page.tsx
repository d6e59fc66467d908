import type { Metadata } from "next";
import Link from "next/link";
import { Network, Search } from "lucide-react";
import { requirePlatformAdmin } from "@/lib/auth/platform-admin";
import { getDirectory } from "@/lib/console/directory";
import { ConsolePage } from "@/components/console/console-page";
import { DirectoryTree } from "@/components/console/directory-tree";
import { EmptyState } from "@/components/console/empty-state";
import { inputClass, labelClass } from "@/components/console/form-styles";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Directory · Console" };

export default async function DirectoryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePlatformAdmin();
  const raw = (await searchParams).q;
  const query = (typeof raw === "string" ? raw : "").slice(0, 200).trim();
  const directory = await getDirectory({ query: query || undefined });
  return (
    <ConsolePage
      current="directory"
      title="Directory"
      description="Organizations as the platform synced them: distributors, resellers, customers and vendors, with their users."
    >
      <form role="search" action="/admin/directory" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="directory-q" className={labelClass}>
            Search by organization, user name or email
          </label>
          <input
            id="directory-q"
            name="q"
            type="search"
            defaultValue={query}
            placeholder="e.g. Woodgrove or wendy@"
            className={inputClass}
          />
        </div>
        <Button type="submit" variant="secondary">
          <Search aria-hidden className="size-4" /> Search
        </Button>
        {query && (
          <Link
            href="/admin/directory"
            className="px-2 py-2 text-sm text-brand-600 hover:underline dark:text-brand-400"
          >
            Clear
          </Link>
        )}
      </form>
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {query
          ? `${directory.matchCount} of ${directory.organizationCount} organizations match “${query}”.`
          : `${directory.organizationCount} organizations.`}
      </p>
      {directory.roots.length === 0 ? (
        <EmptyState icon={Network} title={query ? "No organization or user matches" : "No organizations yet"}>
          {query
            ? "Try part of a name or an email address."
            : "The platform syncs organizations through PUT /api/v1/organizations/{id}."}
        </EmptyState>
      ) : (
        <DirectoryTree roots={directory.roots} />
      )}
    </ConsolePage>
  );
}
