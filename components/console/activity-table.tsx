import Link from "next/link";
import { clsx } from "clsx";
import type { ActivityItem, RejectedActivity } from "@/lib/console/activity";
import { getType } from "@/lib/notifications/catalog";
import { Badge, statusTone } from "@/components/console/badge";
import { Cell, TableScroll, captionClass, collapsing, tableClass, tdClass, thClass } from "@/components/console/table";
import { Time } from "@/components/console/time";

const linkClass = "font-medium text-brand-600 hover:underline dark:text-brand-400";
const none = <span className="text-zinc-400">—</span>;

function EmailCounts({ emails }: { emails: Record<string, number> }) {
  const entries = Object.entries(emails);
  if (entries.length === 0) return <span className="text-xs text-muted">no email</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {entries.map(([status, count]) => (
        <Badge key={status} tone={statusTone(status)}>
          {count} {status.replace(/_/g, " ")}
        </Badge>
      ))}
    </span>
  );
}

function Outcome({ item }: { item: ActivityItem }) {
  if (item.result === "accepted") {
    return (
      <Link href={`/admin/events/${item.id}`} className={clsx(linkClass, "whitespace-nowrap")}>
        Trail<span className="sr-only"> of {item.externalId}</span>
      </Link>
    );
  }
  if (item.result === "duplicate") {
    return item.originalEventId ? (
      <Link href={`/admin/events/${item.originalEventId}`} className={clsx(linkClass, "whitespace-nowrap")}>
        Original
      </Link>
    ) : (
      <span>Already received</span>
    );
  }
  return none;
}

/** Why a request was refused, under its row: the error and the (redacted, trimmed) body. */
function RejectionDetails({ item }: { item: RejectedActivity }) {
  return (
    <tr className={collapsing.row}>
      <td colSpan={7} className={clsx(tdClass, "max-sm:block max-sm:border-0 pt-0")}>
        <details className="rounded-md bg-red-50/60 px-3 py-2 dark:bg-red-950/30">
          <summary className="cursor-pointer text-sm text-red-900 dark:text-red-200">{item.message}</summary>
          {item.body ? (
            <pre className="mt-2 max-h-64 overflow-auto rounded bg-white p-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-zinc-950">
              {item.body}
            </pre>
          ) : (
            <p className="mt-1 text-xs text-muted">No body was received.</p>
          )}
        </details>
      </td>
    </tr>
  );
}

export function ActivityTable({ items }: { items: ActivityItem[] }) {
  return (
    <TableScroll label="Activity">
      <table className={clsx(tableClass, "min-w-[50rem]", collapsing.table)}>
        <caption className={captionClass}>Events received, duplicates and rejected requests, newest first</caption>
        <thead className={collapsing.thead}>
          <tr>
            <th scope="col" className={thClass}>
              Received
            </th>
            <th scope="col" className={thClass}>
              Result
            </th>
            <th scope="col" className={thClass}>
              Type
            </th>
            <th scope="col" className={thClass}>
              Organization
            </th>
            <th scope="col" className={thClass}>
              Sent by
            </th>
            <th scope="col" className={thClass}>
              Delivered
            </th>
            <th scope="col" className={thClass}>
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        <tbody className={collapsing.tbody}>
          {items.flatMap((item) => {
            const rejected = item.result === "rejected";
            const row = (
              <tr
                key={`${item.result}-${item.id}`}
                className={clsx(collapsing.row, rejected && "max-sm:border-b-0 [&>td]:border-b-0")}
              >
                <Cell label="Received">
                  <Time date={item.receivedAt} />
                  {item.externalId && (
                    <span className="block max-w-48 truncate font-mono text-xs text-muted" title={item.externalId}>
                      {item.externalId}
                    </span>
                  )}
                </Cell>
                <Cell label="Result">
                  <Badge tone={statusTone(item.result)}>{item.result}</Badge>
                  {item.result !== "accepted" && (
                    <span className="mt-1 block text-xs text-muted">HTTP {item.status}</span>
                  )}
                  {item.result === "rejected" && (
                    <span className="block font-mono text-xs text-muted">{item.code}</span>
                  )}
                </Cell>
                <Cell label="Type">
                  {item.type ? (
                    <>
                      {getType(item.type)?.label ?? item.type}
                      <span className="block font-mono text-xs text-muted">{item.type}</span>
                    </>
                  ) : (
                    none
                  )}
                </Cell>
                <Cell label="Organization">
                  {item.organizationName ?? (item.organizationId ? <span className="text-muted">Unknown</span> : none)}
                  {item.organizationId && (
                    <span className="block font-mono text-xs text-muted">{item.organizationId}</span>
                  )}
                </Cell>
                <Cell label="Sent by" className="whitespace-nowrap">
                  {item.apiKeyName ? (
                    <>Key “{item.apiKeyName}”</>
                  ) : item.result === "accepted" && item.source === "console" ? (
                    "Console test"
                  ) : (
                    none
                  )}
                </Cell>
                <Cell label="Delivered" className={clsx(item.result !== "accepted" && "max-sm:hidden")}>
                  {item.result === "accepted" ? (
                    <>
                      <span className="block whitespace-nowrap tabular-nums">{item.notificationCount} in-app</span>
                      <EmailCounts emails={item.emails} />
                    </>
                  ) : (
                    none
                  )}
                </Cell>
                <Cell label="Details" className={clsx(item.result === "rejected" && "max-sm:hidden")}>
                  <Outcome item={item} />
                </Cell>
              </tr>
            );
            return item.result === "rejected"
              ? [row, <RejectionDetails key={`${item.id}-details`} item={item} />]
              : [row];
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
