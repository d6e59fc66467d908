import type { Metadata } from "next";
import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { clsx } from "clsx";
import { requirePlatformAdmin } from "@/lib/auth/platform-admin";
import { getConsoleOverview } from "@/lib/console/overview";
import { getDashboard } from "@/lib/console/dashboard";
import { DashboardSection } from "@/components/console/dashboard/dashboard";
import { ConsolePage } from "@/components/console/console-page";
import { consoleSections } from "@/components/console/console-nav";

export const metadata: Metadata = { title: "Console" };

function Figure({ label, value, href, alert }: { label: string; value: number; href?: string; alert?: boolean }) {
  // A dt/dd pair per figure (a div groups them, as a dl allows); a linked figure's whole card is
  // clickable through its label's link, stretched over the card.
  return (
    <div
      className={clsx(
        "relative rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900",
        href && "hover:border-brand-500 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500",
      )}
    >
      <dt className="text-xs font-medium tracking-wide text-muted uppercase">
        {href ? (
          <Link href={href} className="outline-none after:absolute after:inset-0">
            {label}
          </Link>
        ) : (
          label
        )}
      </dt>
      <dd
        className={clsx(
          "mt-1 text-2xl font-semibold tabular-nums",
          alert && value > 0 && "text-red-700 dark:text-red-400",
        )}
      >
        {value.toLocaleString("en")}
      </dd>
    </div>
  );
}

export default async function ConsoleOverviewPage({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  const user = await requirePlatformAdmin();
  const range = (await searchParams).range === "7d" ? "7d" : "24h";
  const [figures, dashboard] = await Promise.all([getConsoleOverview(), getDashboard(range)]);
  return (
    <ConsolePage
      current="overview"
      title="Console"
      description={`Signed in as ${user.name}, platform admin. What the platform sent, who got what, and why.`}
    >
      <section aria-labelledby="last-day-heading" className="space-y-2">
        <h2 id="last-day-heading" className="text-sm font-medium text-zinc-600 dark:text-zinc-400">
          Last 24 hours
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          <Figure label="Events accepted" value={figures.accepted} href="/admin/activity?result=accepted" />
          <Figure label="Duplicates" value={figures.duplicates} href="/admin/activity?result=duplicate" />
          <Figure label="Rejected" value={figures.rejected} href="/admin/activity?result=rejected" alert />
          <Figure label="Notifications" value={figures.notifications} />
          <Figure label="Emails failed" value={figures.failedEmails} alert />
        </dl>
        <p className="text-xs text-muted">
          {figures.activeKeys} active API {figures.activeKeys === 1 ? "key" : "keys"} · {figures.organizations}{" "}
          organizations · {figures.users} active users
        </p>
      </section>
      <DashboardSection dashboard={dashboard} />
      <ul className="grid gap-3 sm:grid-cols-2">
        {consoleSections.map((section) => (
          <li key={section.key}>
            <Link
              href={section.href}
              className="group flex h-full flex-col rounded-lg border border-zinc-200 bg-white p-4 hover:border-brand-500 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-brand-500"
            >
              <span className="flex items-center justify-between font-medium">
                {section.label}
                <ArrowRight
                  aria-hidden
                  className="size-4 text-zinc-400 transition-transform group-hover:translate-x-0.5"
                />
              </span>
              <span className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{section.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </ConsolePage>
  );
}
