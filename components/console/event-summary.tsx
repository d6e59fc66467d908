import Link from "next/link";
import type { EventDetail } from "@/lib/console/event-detail";
import { Time } from "@/components/console/time";

const dtClass = "text-xs font-medium tracking-wide text-muted uppercase";
const ddClass = "mt-0.5 text-sm break-words";

export function EventSummary({ detail }: { detail: EventDetail }) {
  const items: [string, React.ReactNode][] = [
    [
      "Event id",
      <code key="id" className="font-mono text-xs break-all">
        {detail.externalId}
      </code>,
    ],
    [
      "Type",
      <>
        {detail.typeLabel} <code className="font-mono text-xs text-muted">{detail.type}</code>
      </>,
    ],
    [
      "Organization",
      <>
        {detail.organizationName ?? "Unknown"}{" "}
        <code className="font-mono text-xs text-muted">{detail.organizationId}</code>
      </>,
    ],
    [
      "Actor",
      detail.actor ? (
        <>
          {detail.actor.name ?? "Unknown user"} <code className="font-mono text-xs text-muted">{detail.actor.id}</code>
        </>
      ) : (
        "—"
      ),
    ],
    ["Occurred", <Time key="o" date={detail.occurredAt} />],
    ["Received", <Time key="r" date={detail.receivedAt} />],
    [
      "Sent by",
      detail.apiKeyName
        ? `API key “${detail.apiKeyName}”`
        : detail.source === "console"
          ? "Console test event"
          : detail.source,
    ],
    [
      "Notifications",
      <Link key="n" href="#trail" className="tabular-nums hover:underline">
        {detail.notificationCount}
      </Link>,
    ],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 dark:border-zinc-800 dark:bg-zinc-900">
      {items.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className={dtClass}>{label}</dt>
          <dd className={ddClass}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function EnvelopeView({ detail }: { detail: EventDetail }) {
  return (
    <details className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium">Envelope as received</summary>
      <div className="border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
        {detail.sensitive.length > 0 && (
          <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
            Sensitive fields ({detail.sensitive.join(", ")}) are never stored: they show as “[redacted]”.
          </p>
        )}
        <pre className="max-h-96 overflow-auto rounded bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-950">
          {JSON.stringify(detail.envelope, null, 2)}
        </pre>
      </div>
    </details>
  );
}
