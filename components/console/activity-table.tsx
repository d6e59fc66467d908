import Link from "next/link";
import type { ActivityItem } from "@/lib/console/activity";
import { getType } from "@/lib/notifications/catalog";
import { Badge, statusTone } from "@/components/console/badge";
import { TableScroll, captionClass, tableClass, tdClass, thClass } from "@/components/console/table";
import { Time } from "@/components/console/time";

const linkClass = "font-medium text-brand-600 hover:underline dark:text-brand-500";

function EmailCounts({ emails }: { emails: Record<string, number> }) {
  const entries = Object.entries(emails);
  if (entries.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {entries.map(([status, count]) => <Badge key={status} tone={statusTone(status)}>{count} {status.replace(/_/g, " ")}</Badge>)}
    </span>
  );
}

function Outcome({ item }: { item: ActivityItem }) {
  if (item.result === "accepted") return <Link href={`/admin/events/${item.id}`} className={linkClass}>Delivery trail<span className="sr-only"> of {item.externalId}</span></Link>;
  if (item.result === "duplicate") {
    return (
      <span className="text-zinc-600 dark:text-zinc-400">
        Already received{" "}
        {item.originalEventId && <Link href={`/admin/events/${item.originalEventId}`} className={linkClass}>see original</Link>}
      </span>
    );
  }
  return (
    <details className="max-w-md">
      <summary className="cursor-pointer">
        <span className="font-mono text-xs">{item.code}</span> <span className="text-zinc-700 dark:text-zinc-300">{item.message}</span>
      </summary>
      {item.body ? (
        <pre className="mt-2 max-h-64 overflow-auto rounded bg-zinc-100 p-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-zinc-950">{item.body}</pre>
      ) : (
        <p className="mt-1 text-xs text-zinc-500">No body was received.</p>
      )}
    </details>
  );
}

export function ActivityTable({ items }: { items: ActivityItem[] }) {
  return (
    <TableScroll label="Activity">
      <table className={`${tableClass} min-w-[60rem]`}>
        <caption className={captionClass}>Events received, duplicates and rejected requests, newest first</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>Received</th>
            <th scope="col" className={thClass}>Result</th>
            <th scope="col" className={thClass}>Type</th>
            <th scope="col" className={thClass}>Organization</th>
            <th scope="col" className={thClass}>Sent by</th>
            <th scope="col" className={`${thClass} text-right`}>Notifications</th>
            <th scope="col" className={thClass}>Email</th>
            <th scope="col" className={thClass}>Details</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.result}-${item.id}`}>
              <td className={tdClass}>
                <Time date={item.receivedAt} />
                {item.externalId && <span className="block max-w-48 truncate font-mono text-xs text-zinc-500" title={item.externalId}>{item.externalId}</span>}
              </td>
              <td className={tdClass}>
                <Badge tone={statusTone(item.result)}>{item.result}</Badge>
                {item.result === "rejected" && <span className="mt-1 block text-xs text-zinc-500">HTTP {item.status}</span>}
              </td>
              <td className={tdClass}>
                {item.type ? (
                  <>
                    {getType(item.type)?.label ?? item.type}
                    <span className="block font-mono text-xs text-zinc-500">{item.type}</span>
                  </>
                ) : (
                  <span className="text-zinc-400">—</span>
                )}
              </td>
              <td className={tdClass}>
                {item.organizationName ?? <span className="text-zinc-400">{item.organizationId ? "Unknown" : "—"}</span>}
                {item.organizationId && <span className="block font-mono text-xs text-zinc-500">{item.organizationId}</span>}
              </td>
              <td className={tdClass}>
                {item.apiKeyName ? <>Key “{item.apiKeyName}”</> : item.result === "accepted" && item.source === "console" ? "Console test" : <span className="text-zinc-400">—</span>}
              </td>
              <td className={`${tdClass} text-right tabular-nums`}>{item.result === "accepted" ? item.notificationCount : <span className="text-zinc-400">—</span>}</td>
              <td className={tdClass}>{item.result === "accepted" ? <EmailCounts emails={item.emails} /> : <span className="text-zinc-400">—</span>}</td>
              <td className={tdClass}><Outcome item={item} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
