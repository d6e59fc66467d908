"use client";

import { useRouter } from "next/navigation";

/** Jumps to another organization the admin manages. */
export function OrgPicker({
  current,
  organizations,
}: {
  current: string;
  organizations: { id: string; name: string; depth: number }[];
}) {
  const router = useRouter();
  return (
    <label className="flex flex-col gap-1 text-sm sm:flex-row sm:items-center sm:gap-2">
      <span className="font-medium">Organization</span>
      <select
        value={current}
        onChange={(event) =>
          router.push(`/admin/organizations/${encodeURIComponent(event.target.value)}/notifications`)
        }
        className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>{`${"\u00a0\u00a0".repeat(org.depth)}${org.name}`}</option>
        ))}
      </select>
    </label>
  );
}
