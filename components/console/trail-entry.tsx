import type { TrailView } from "@/lib/console/event-detail";
import { Badge, statusTone } from "@/components/console/badge";
import { describePreference, describeVia } from "@/components/console/trail-text";
import { Time } from "@/components/console/time";
import { describeChoice } from "@/lib/recipient-rules/describe";
import { holdText } from "@/lib/delivery-timing/windows";

const ddClass = "min-w-0 text-sm";
const dtClass = "text-xs font-medium tracking-wide text-muted uppercase";

function Delivery({ delivery }: { delivery: NonNullable<TrailView["delivery"]> }) {
  return (
    <div className="mt-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={statusTone(delivery.status)}>{delivery.status.replace(/_/g, " ")}</Badge>
        <span className="break-all">to {delivery.toAddress}</span>
        <span className="text-xs text-muted">
          {delivery.attempts} {delivery.attempts === 1 ? "attempt" : "attempts"}
          {delivery.sentAt && (
            <>
              {" "}
              · sent <Time date={delivery.sentAt} />
            </>
          )}
        </span>
      </p>
      {delivery.subject && <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Subject: {delivery.subject}</p>}
      {delivery.lastError && (
        <p className="mt-1 text-xs text-red-700 dark:text-red-400">Last error: {delivery.lastError}</p>
      )}
      {delivery.events.length > 0 ? (
        <ol
          className="mt-2 space-y-1 border-l border-zinc-200 pl-3 text-xs dark:border-zinc-700"
          aria-label={`Email history for ${delivery.toAddress}`}
        >
          {delivery.events.map((event) => (
            <li key={event.id} className="flex flex-wrap gap-x-2">
              <Time date={event.at} className="text-muted tabular-nums" />
              <span className="font-medium">{event.kind.replace(/_/g, " ")}</span>
              {event.detail && <span className="break-all text-zinc-600 dark:text-zinc-400">{event.detail}</span>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-1 text-xs text-muted">
          Queued <Time date={delivery.createdAt} />; no attempt recorded yet.
        </p>
      )}
    </div>
  );
}

export function TrailEntryCard({ entry }: { entry: TrailView }) {
  const title = entry.name ?? entry.address ?? entry.userId ?? "Unknown recipient";
  return (
    <article
      aria-label={`Trail for ${title}`}
      className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-center gap-2">
        <h3 className="font-medium">{title}</h3>
        <Badge tone="neutral">{entry.role}</Badge>
        {entry.skipped && (
          <Badge tone={statusTone(entry.skipped)}>
            {entry.skipped === "inactive" ? "deactivated user" : "unknown user"}
          </Badge>
        )}
        <span className="w-full text-xs break-all text-muted">
          {[entry.address ?? entry.userEmail, entry.userId].filter(Boolean).join(" · ")}
        </span>
      </header>
      <dl className="mt-3 grid gap-3 sm:grid-cols-[8rem_1fr]">
        <dt className={dtClass}>Chosen as</dt>
        <dd className={ddClass}>
          <span className="flex flex-wrap gap-1">
            {entry.via.map((via) => (
              <Badge key={via} tone="info">
                <span className="font-mono">{via}</span>&nbsp;· {describeVia(via)}
              </Badge>
            ))}
          </span>
        </dd>
        {entry.rule && (
          <>
            <dt className={dtClass}>Rule</dt>
            <dd className={ddClass}>{describeChoice(entry.rule)}</dd>
          </>
        )}
        {entry.skipped ? (
          <>
            <dt className={dtClass}>Outcome</dt>
            <dd className={ddClass}>
              {entry.skipped === "inactive"
                ? "Deactivated: nothing was created or sent."
                : "No user with this id was synced: nothing was created or sent."}
            </dd>
          </>
        ) : (
          <>
            <dt className={dtClass}>In-app</dt>
            <dd className={ddClass}>
              {entry.inApp ? (
                <span className="flex flex-wrap items-center gap-2">
                  <Badge tone={statusTone(entry.inApp.decision)}>{entry.inApp.decision}</Badge>
                  <span>{describePreference(entry.inApp.preference)}</span>
                  {entry.inApp.decision === "suppressed" && (
                    <span className="text-muted">— no in-app notification</span>
                  )}
                </span>
              ) : (
                <span className="text-muted">Not applicable (email-only address)</span>
              )}
            </dd>
            <dt className={dtClass}>Email</dt>
            <dd className={ddClass}>
              {entry.email ? (
                <>
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge tone={statusTone(entry.email.decision)}>{entry.email.decision.replace(/_/g, " ")}</Badge>
                    <span>{describePreference(entry.email.preference)}</span>
                    {entry.email.decision !== "queued" && <span className="text-muted">— no email sent</span>}
                  </span>
                  {entry.email.held && (
                    <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
                      {holdText(entry.email.held).replace(/^h/, "H")}
                    </p>
                  )}
                  {entry.delivery && <Delivery delivery={entry.delivery} />}
                </>
              ) : (
                <span className="text-muted">No decision recorded</span>
              )}
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
