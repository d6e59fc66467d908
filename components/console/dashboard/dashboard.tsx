import Link from "next/link";
import { clsx } from "clsx";
import type { Dashboard } from "@/lib/console/dashboard";
import { channelNames } from "@/components/console/dashboard/labels";
import { ChartFigure } from "@/components/console/dashboard/chart-figure";
import { OutcomeChart, TrafficChart } from "@/components/console/dashboard/charts";
import { tableClass, tdClass, thClass, TableScroll } from "@/components/console/table";

// These tables have few, short columns: they fit a phone without the console's minimum width.
const compactTable = tableClass.replace("min-w-[40rem]", "");
const utcHour = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const percent = (rate: number) => `${(rate * 100).toFixed(rate > 0 && rate < 0.1 ? 1 : 0)}%`;
const duration = (seconds: number) =>
  seconds < 90
    ? `${seconds} s`
    : seconds < 5400
      ? `${Math.round(seconds / 60)} min`
      : `${Math.round(seconds / 3600)} h`;

function RangeSwitch({ range }: { range: Dashboard["range"] }) {
  return (
    <nav aria-label="Time range" className="flex gap-1 text-sm">
      {(["24h", "7d"] as const).map((value) => (
        <Link
          key={value}
          href={value === "24h" ? "/admin" : "/admin?range=7d"}
          aria-current={value === range ? "page" : undefined}
          className={clsx(
            "rounded-md border px-2.5 py-1",
            value === range
              ? "border-brand-600 bg-brand-50 text-brand-700 dark:border-brand-500 dark:bg-zinc-800 dark:text-zinc-100"
              : "border-zinc-200 text-zinc-700 hover:border-brand-500 dark:border-zinc-700 dark:text-zinc-300",
          )}
        >
          {value === "24h" ? "Last 24 hours" : "Last 7 days"}
        </Link>
      ))}
    </nav>
  );
}

export function DashboardSection({ dashboard }: { dashboard: Dashboard }) {
  const { traffic, channels, queues, resellers, rejections, range } = dashboard;
  const events = traffic.reduce((sum, p) => sum + p.events, 0);
  const notifications = traffic.reduce((sum, p) => sum + p.notifications, 0);
  const busiest = traffic.reduce((max, p) => (p.events > max.events ? p : max), traffic[0]!);
  const period = range === "24h" ? "the last 24 hours" : "the last 7 days";
  return (
    <section aria-labelledby="dashboard-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="dashboard-heading" className="text-sm font-medium text-zinc-600 dark:text-zinc-400">
          Delivery health
        </h2>
        <RangeSwitch range={range} />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <ChartFigure
          id="traffic"
          title={`Events and notifications per hour, ${period}`}
          summary={`${events.toLocaleString("en")} events and ${notifications.toLocaleString("en")} notifications in ${period}${
            busiest.events ? `; busiest hour ${utcHour(busiest.hour)} with ${busiest.events} events` : ""
          }.`}
          columns={["Hour", "Events", "Notifications"]}
          rows={traffic.filter((p) => p.events).map((p) => [utcHour(p.hour), p.events, p.notifications])}
        >
          <TrafficChart points={traffic} withDay={range === "7d"} />
        </ChartFigure>
        <ChartFigure
          id="outcomes"
          title="Delivery outcome by channel, last 24 hours"
          summary={channels
            .map(
              (c) => `${channelNames[c.channel]}: ${c.delivered} delivered, ${c.pending} pending, ${c.failed} failed`,
            )
            .join("; ")}
          columns={["Channel", "Delivered", "Pending", "Failed"]}
          rows={channels.map((c) => [channelNames[c.channel], c.delivered, c.pending, c.failed])}
        >
          <OutcomeChart channels={channels} />
        </ChartFigure>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {queues
          .flatMap((queue) => [
            {
              key: `${queue.channel}-waiting`,
              label: `${channelNames[queue.channel]} queue`,
              value: queue.waiting.toLocaleString("en"),
            },
            {
              key: `${queue.channel}-oldest`,
              label: `Oldest ${channelNames[queue.channel].toLowerCase()} job`,
              value: queue.waiting ? duration(queue.oldestAgeSeconds) : "—",
            },
          ])
          .map((figure) => (
            <div
              key={figure.key}
              className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900"
            >
              <dt className="text-xs font-medium tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
                {figure.label}
              </dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums">{figure.value}</dd>
            </div>
          ))}
      </dl>
      <div className="grid gap-3 lg:grid-cols-2">
        <TableScroll label="Failure rate by reseller">
          <table className={compactTable}>
            <caption className="px-3 pt-3 text-left text-sm font-medium">
              Failure rate by reseller, email and webhooks, last 24 hours
            </caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>
                  Reseller
                </th>
                <th scope="col" className={thClass}>
                  Deliveries
                </th>
                <th scope="col" className={thClass}>
                  Failed
                </th>
                <th scope="col" className={thClass}>
                  Rate
                </th>
              </tr>
            </thead>
            <tbody>
              {resellers.length === 0 && (
                <tr>
                  <td colSpan={4} className={clsx(tdClass, "text-zinc-600 dark:text-zinc-400")}>
                    No email or webhook deliveries in the last 24 hours.
                  </td>
                </tr>
              )}
              {resellers.map((r) => (
                <tr key={r.resellerId}>
                  <th scope="row" className={clsx(tdClass, "font-normal")}>
                    {r.name}
                  </th>
                  <td className={tdClass}>{r.deliveries.toLocaleString("en")}</td>
                  <td className={tdClass}>{r.failed.toLocaleString("en")}</td>
                  <td className={clsx(tdClass, r.failed > 0 && "font-medium text-red-700 dark:text-red-400")}>
                    {percent(r.rate)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <TableScroll label="Top rejected reasons">
          <table className={compactTable}>
            <caption className="px-3 pt-3 text-left text-sm font-medium">Top rejected reasons, last 24 hours</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>
                  Reason
                </th>
                <th scope="col" className={thClass}>
                  Requests
                </th>
                <th scope="col" className={thClass}>
                  Latest message
                </th>
              </tr>
            </thead>
            <tbody>
              {rejections.length === 0 && (
                <tr>
                  <td colSpan={3} className={clsx(tdClass, "text-zinc-600 dark:text-zinc-400")}>
                    Nothing was rejected in the last 24 hours.
                  </td>
                </tr>
              )}
              {rejections.map((r) => (
                <tr key={r.code}>
                  <th scope="row" className={clsx(tdClass, "font-normal")}>
                    <Link
                      href="/admin/activity?result=rejected"
                      className="text-brand-700 underline dark:text-brand-100"
                    >
                      <code>{r.code}</code>
                    </Link>
                  </th>
                  <td className={tdClass}>{r.count.toLocaleString("en")}</td>
                  <td className={clsx(tdClass, "break-words text-zinc-600 dark:text-zinc-400")}>{r.example}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
    </section>
  );
}
