import type { Metadata } from "next";
import Link from "next/link";
import { Activity, ArrowRight, TriangleAlert } from "lucide-react";
import { requirePlatformAdmin } from "@/lib/auth/platform-admin";
import { activityQuerySchema, listActivity, listActivityFilterOptions } from "@/lib/console/activity";
import { toAppError } from "@/lib/errors";
import { ActivityFilters, type ActivityFilterValues } from "@/components/console/activity-filters";
import { ActivityTable } from "@/components/console/activity-table";
import { ConsolePage } from "@/components/console/console-page";
import { EmptyState } from "@/components/console/empty-state";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Activity · Console" };

type SearchParams = Record<string, string | string[] | undefined>;

const filterKeys = ["type", "organizationId", "result", "from", "to"] as const;

export default async function ActivityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePlatformAdmin();
  const params = await searchParams;
  const single = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
  const values: ActivityFilterValues = Object.fromEntries(filterKeys.map((key) => [key, single(key) || undefined]));
  const organizations = await listActivityFilterOptions();

  const parsed = activityQuerySchema.safeParse({ ...values, cursor: single("cursor"), limit: 50 });
  let page: Awaited<ReturnType<typeof listActivity>> | null = null;
  let problem: string | null = null;
  if (!parsed.success)
    problem = `These filters are not valid: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} — ${issue.message}`).join("; ")}.`;
  else {
    try {
      page = await listActivity(parsed.data);
    } catch (error) {
      problem = toAppError(error).message;
    }
  }
  const filtered = filterKeys.some((key) => values[key]);
  const query = (extra: Record<string, string>) => {
    const search = new URLSearchParams();
    for (const key of filterKeys) if (values[key]) search.set(key, values[key]!);
    for (const [key, value] of Object.entries(extra)) search.set(key, value);
    return `/admin/activity?${search}`;
  };

  return (
    <ConsolePage
      current="activity"
      title="Activity"
      description="Every event the center received, newest first, with duplicates and rejected requests. Times are UTC."
    >
      <ActivityFilters values={values} organizations={organizations} />
      {problem ? (
        <div
          role="alert"
          className="flex items-start gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300"
        >
          <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            {problem}{" "}
            <Link href="/admin/activity" className="underline">
              Show everything
            </Link>
          </span>
        </div>
      ) : page && page.items.length === 0 ? (
        filtered || single("cursor") ? (
          <EmptyState icon={Activity} title="Nothing matches these filters">
            <Link href="/admin/activity" className="text-brand-600 hover:underline dark:text-brand-400">
              Clear the filters
            </Link>
          </EmptyState>
        ) : (
          <EmptyState icon={Activity} title="No events yet — send a test event">
            <p>Events appear here as soon as the platform (or you) sends one.</p>
            <Link href="/admin/test-event" className={buttonClass("primary", "mt-4")}>
              Send a test event
            </Link>
          </EmptyState>
        )
      ) : page ? (
        <>
          <ActivityTable items={page.items} />
          <nav aria-label="Activity pages" className="flex items-center justify-between gap-3">
            {single("cursor") ? (
              <Link href={query({})} className="text-sm text-brand-600 hover:underline dark:text-brand-400">
                Back to newest
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor && (
              <Link href={query({ cursor: page.nextCursor })} className={buttonClass("secondary")}>
                Older <ArrowRight aria-hidden className="size-4" />
              </Link>
            )}
          </nav>
        </>
      ) : null}
    </ConsolePage>
  );
}
