"use client";

import { useCallback, useEffect, useState } from "react";
import { RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/console/badge";
import { Time } from "@/components/console/time";
import { webhooksClient, type Delivery } from "./api";
import { AttemptLine } from "./attempt-line";

const tone = { pending: "info", delivered: "success", failed: "danger" } as const;

/** An endpoint's deliveries, newest first, each with every attempt; a failed or delivered one can be sent again. */
export function DeliveriesList({
  organizationId,
  endpointId,
  refreshKey,
}: {
  organizationId: string;
  endpointId: string;
  /** Changes when something new was sent (a test): the first page is loaded again. */
  refreshKey: number;
}) {
  const [items, setItems] = useState<Delivery[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [notice, setNotice] = useState("");

  const apply = useCallback((result: Awaited<ReturnType<typeof webhooksClient.deliveries>>, after: string | null) => {
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setItems((current) => (after && current ? [...current, ...result.data.items] : result.data.items));
    setCursor(result.data.nextCursor);
  }, []);

  async function load(after: string | null) {
    setLoading(true);
    const result = await webhooksClient.deliveries(organizationId, endpointId, after);
    setLoading(false);
    apply(result, after);
  }

  useEffect(() => {
    // The first page when the list opens, and again after each test message.
    let cancelled = false;
    void webhooksClient.deliveries(organizationId, endpointId, null).then((result) => {
      if (!cancelled) apply(result, null);
    });
    return () => {
      cancelled = true;
    };
  }, [organizationId, endpointId, refreshKey, apply]);

  async function retry(delivery: Delivery) {
    const result = await webhooksClient.retry(organizationId, endpointId, delivery.id);
    if (!result.ok) return setNotice(result.error.message);
    setNotice("Queued again: it will be sent in a moment.");
    setItems(
      (current) =>
        current?.map((item) =>
          item.id === delivery.id ? { ...item, status: "pending", nextAttemptAt: null } : item,
        ) ?? null,
    );
  }

  if (error)
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        Could not load the deliveries: {error}{" "}
        <button type="button" className="underline" onClick={() => void load(null)}>
          Try again
        </button>
      </p>
    );
  if (!items) return <p className="text-sm text-muted">Loading deliveries…</p>;
  return (
    <div>
      <p role="status" className="sr-only">
        {notice}
      </p>
      {notice && <p className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">{notice}</p>}
      {items.length === 0 ? (
        <p className="text-sm text-muted">No deliveries yet. Send a test message, or wait for the next event.</p>
      ) : (
        <ol className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Deliveries, newest first">
          {items.map((delivery) => (
            <li key={delivery.id} className="py-3">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={tone[delivery.status]}>{delivery.status}</Badge>
                <span className="font-mono text-xs">{delivery.type}</span>
                {delivery.eventId && <span className="text-xs text-muted">event {delivery.eventId}</span>}
                <Time date={delivery.createdAt} className="text-xs text-muted tabular-nums" />
                {delivery.status !== "pending" && (
                  <Button
                    variant="ghost"
                    className="ml-auto px-2 py-1 text-xs"
                    onClick={() => void retry(delivery)}
                    aria-label={`Send ${delivery.type} ${delivery.id} again`}
                  >
                    <RotateCcw aria-hidden className="size-3.5" /> Retry
                  </Button>
                )}
              </div>
              <ol className="mt-2 space-y-2 border-l border-zinc-200 pl-3 dark:border-zinc-700" aria-label="Attempts">
                {delivery.attempts.map((attempt, index) => (
                  <li key={index}>
                    <AttemptLine attempt={attempt} />
                  </li>
                ))}
                {delivery.nextAttemptAt && (
                  <li className="text-xs text-muted">
                    Next attempt <Time date={delivery.nextAttemptAt} className="tabular-nums" />
                  </li>
                )}
              </ol>
            </li>
          ))}
        </ol>
      )}
      {cursor && (
        <Button variant="secondary" className="mt-2" disabled={loading} onClick={() => void load(cursor)}>
          {loading ? "Loading…" : "Load older deliveries"}
        </Button>
      )}
    </div>
  );
}
