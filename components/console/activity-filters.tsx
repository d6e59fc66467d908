import Link from "next/link";
import { Filter } from "lucide-react";
import { catalog, categories, categoryKeys, typesInCategory } from "@/lib/notifications/catalog";
import { Button } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/console/form-styles";

export interface ActivityFilterValues {
  type?: string;
  organizationId?: string;
  result?: string;
  from?: string;
  to?: string;
}

/** A plain GET form: the filters live in the URL, so a filtered view can be shared and reloaded. */
export function ActivityFilters({
  values,
  organizations,
}: {
  values: ActivityFilterValues;
  organizations: { id: string; name: string }[];
}) {
  const active = Object.values(values).some(Boolean);
  return (
    <form
      action="/admin/activity"
      aria-label="Filter activity"
      className="grid gap-3 rounded-lg border border-zinc-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-5 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div>
        <label htmlFor="filter-type" className={labelClass}>
          Type
        </label>
        <select id="filter-type" name="type" defaultValue={values.type ?? ""} className={inputClass}>
          <option value="">All types</option>
          {categoryKeys.map((category) => (
            <optgroup key={category} label={categories[category].label}>
              {typesInCategory(category).map((type) => (
                <option key={type} value={type}>
                  {catalog[type].label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-organization" className={labelClass}>
          Organization
        </label>
        <select
          id="filter-organization"
          name="organizationId"
          defaultValue={values.organizationId ?? ""}
          className={inputClass}
        >
          <option value="">All organizations</option>
          {organizations.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-result" className={labelClass}>
          Result
        </label>
        <select id="filter-result" name="result" defaultValue={values.result ?? ""} className={inputClass}>
          <option value="">Any result</option>
          <option value="accepted">Accepted</option>
          <option value="duplicate">Duplicate</option>
          <option value="rejected">Rejected</option>
        </select>
      </div>
      <div>
        <label htmlFor="filter-from" className={labelClass}>
          From (UTC)
        </label>
        <input
          id="filter-from"
          name="from"
          type="datetime-local"
          defaultValue={values.from ?? ""}
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="filter-to" className={labelClass}>
          To (UTC)
        </label>
        <input id="filter-to" name="to" type="datetime-local" defaultValue={values.to ?? ""} className={inputClass} />
      </div>
      <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-5">
        <Button type="submit" variant="secondary">
          <Filter aria-hidden className="size-4" /> Apply filters
        </Button>
        {active && (
          <Link href="/admin/activity" className="text-sm text-brand-600 hover:underline dark:text-brand-400">
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
