import { ScrollText } from "lucide-react";
import type { AuditEntry } from "@/lib/console/audit-log";
import { EmptyState } from "@/components/console/empty-state";
import { clsx } from "clsx";
import { Cell, TableScroll, captionClass, collapsing, tableClass, thClass } from "@/components/console/table";
import { Time } from "@/components/console/time";

const actionLabels: Record<string, string> = {
  "api_key.created": "Created API key",
  "api_key.revoked": "Revoked API key",
  "test_event.sent": "Sent a test event",
};

function describeTarget(entry: AuditEntry, names: Map<string, string>) {
  const details = (entry.details ?? {}) as Record<string, unknown>;
  const name = typeof details.name === "string" ? details.name : entry.target ? names.get(entry.target) : undefined;
  return name ? `${name} (${entry.target})` : (entry.target ?? "—");
}

export function AuditLogTable({
  entries,
  caption,
  names = new Map(),
}: {
  entries: AuditEntry[];
  caption: string;
  names?: Map<string, string>;
}) {
  if (entries.length === 0) return <EmptyState icon={ScrollText} title="Nothing recorded yet" />;
  return (
    <TableScroll label={caption}>
      <table className={clsx(tableClass, collapsing.table)}>
        <caption className={captionClass}>{caption}</caption>
        <thead className={collapsing.thead}>
          <tr>
            <th scope="col" className={thClass}>
              When
            </th>
            <th scope="col" className={thClass}>
              Who
            </th>
            <th scope="col" className={thClass}>
              Action
            </th>
            <th scope="col" className={thClass}>
              Target
            </th>
          </tr>
        </thead>
        <tbody className={collapsing.tbody}>
          {entries.map((entry) => (
            <tr key={entry.id} className={collapsing.row}>
              <Cell label="When">
                <Time date={entry.createdAt} />
              </Cell>
              <Cell label="Who">
                {entry.actor ? (
                  <>
                    {entry.actor.name}
                    {entry.actor.email && <span className="block text-xs text-muted">{entry.actor.email}</span>}
                  </>
                ) : (
                  <span className="text-muted">Command line</span>
                )}
              </Cell>
              <Cell label="Action">{actionLabels[entry.action] ?? entry.action}</Cell>
              <Cell label="Target" className="break-all">
                {describeTarget(entry, names)}
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
