import type { WebhookTrailDelivery, WebhookTrailSkip } from "@/lib/webhooks/event-trail";
import { Badge, statusTone } from "@/components/console/badge";
import { Time } from "@/components/console/time";

function Delivery({ delivery }: { delivery: WebhookTrailDelivery }) {
  return (
    <article
      aria-label={`Webhook to ${delivery.url}`}
      className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-center gap-2">
        <Badge tone={statusTone(delivery.status === "pending" ? "queued" : delivery.status)}>{delivery.status}</Badge>
        <h3 className="font-medium">{delivery.organizationName}</h3>
        <span className="w-full font-mono text-xs break-all text-muted">
          {delivery.url} · {delivery.id}
        </span>
      </header>
      {delivery.attempts.length > 0 ? (
        <ol
          className="mt-2 space-y-1 border-l border-zinc-200 pl-3 text-xs dark:border-zinc-700"
          aria-label={`Webhook attempts to ${delivery.url}`}
        >
          {delivery.attempts.map((attempt, index) => (
            <li key={index} className="flex flex-wrap gap-x-2">
              <Time date={new Date(attempt.at)} className="text-muted tabular-nums" />
              <span className="font-medium">{attempt.httpStatus ?? "no answer"}</span>
              <span className="text-muted">{attempt.durationMs} ms</span>
              {attempt.error && <span className="break-all text-red-700 dark:text-red-400">{attempt.error}</span>}
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-1 text-xs text-muted">No attempt yet.</p>
      )}
      {delivery.nextAttemptAt && (
        <p className="mt-1 text-xs text-muted">
          Next attempt <Time date={delivery.nextAttemptAt} />
        </p>
      )}
    </article>
  );
}

export function WebhookTrail({
  deliveries,
  skipped,
}: {
  deliveries: WebhookTrailDelivery[];
  skipped: WebhookTrailSkip[];
}) {
  return (
    <section id="webhooks" aria-labelledby="webhooks-heading" className="space-y-3">
      <h2 id="webhooks-heading" className="text-lg font-semibold">
        Webhooks
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Endpoints of this organization and the organizations above it: each message with every attempt, and why an
        endpoint got nothing.
      </p>
      {deliveries.length === 0 && skipped.length === 0 ? (
        <p className="text-sm text-muted">No webhook endpoint is registered along this organization&apos;s tree.</p>
      ) : (
        <ul className="space-y-3" aria-label="Webhook deliveries">
          {deliveries.map((delivery) => (
            <li key={delivery.id}>
              <Delivery delivery={delivery} />
            </li>
          ))}
          {skipped.map((skip) => (
            <li
              key={skip.endpointId}
              className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm dark:border-zinc-700"
            >
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone="warning">not sent</Badge>
                <span className="font-medium">{skip.organizationName}</span>
                <span className="text-zinc-600 dark:text-zinc-400">{skip.reason}</span>
              </span>
              <span className="mt-1 block font-mono text-xs break-all text-muted">{skip.url}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
