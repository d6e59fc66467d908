// Prometheus metrics of this instance (prom-client), served at GET /metrics with METRICS_TOKEN.
// Labels stay bounded: notification types and categories come from the catalog, results and
// states from fixed lists; never a user, organization or event id.
//
// The registry lives on globalThis: Next bundles route handlers separately from server.ts, and
// both record into the same registry. Gauges that describe shared state (queue depth, oldest job)
// are read from Postgres when Prometheus scrapes, not kept up to date on the hot path.
import client from "prom-client";
import { env } from "@/lib/env";
import { isNotificationType } from "@/lib/notifications/catalog";
import type { QueueChannel } from "@/lib/observability/queues";

type EventResult = "accepted" | "duplicate" | "rejected";

/** A value Prometheus can read at scrape time (from the database, the socket server…). */
type ScrapeSource = () => Promise<void> | void;

interface Metrics {
  registry: client.Registry;
  enabled: boolean;
  events: client.Counter<"type" | "result">;
  ingestSeconds: client.Histogram<"route">;
  notifications: client.Counter<"category">;
  sendAttempts: client.Counter<"channel" | "result">;
  pushes: client.Counter<"event">;
  queueYieldSeconds: client.Counter<"queue">;
  gauges: {
    jobs: client.Gauge<"channel" | "state">;
    oldestJobSeconds: client.Gauge<"channel">;
    sockets: client.Gauge;
    pool: client.Gauge<"state">;
    apiLoad: client.Gauge;
  };
  sources: Set<ScrapeSource>;
}

const holder = globalThis as unknown as { __metrics?: Metrics };

function create(): Metrics {
  const registry = new client.Registry();
  // METRICS_ENABLED=false leaves every recording call a no-op (the benchmark's "metrics off").
  const enabled = env().METRICS_ENABLED;
  if (enabled) client.collectDefaultMetrics({ register: registry, prefix: "nc_" });
  const sources = new Set<ScrapeSource>();
  const collectSources = async () => {
    await Promise.all([...sources].map(async (source) => source()));
  };
  let collecting: Promise<void> | undefined;
  // One gauge drives the scrape-time sources; the others are filled by them.
  const collectOnce = async () => {
    collecting ??= collectSources().finally(() => (collecting = undefined));
    await collecting;
  };
  const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []) =>
    new client.Gauge<L>({ name, help, labelNames, registers: [registry], collect: collectOnce });
  return {
    registry,
    enabled,
    sources,
    events: new client.Counter({
      name: "nc_events_total",
      help: "Events received on the Platform API, by type and result (type 'invalid' when unknown).",
      labelNames: ["type", "result"],
      registers: [registry],
    }),
    ingestSeconds: new client.Histogram({
      name: "nc_ingest_duration_seconds",
      help: "Time to answer an ingest request, from the body read to the response.",
      labelNames: ["route"],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    notifications: new client.Counter({
      name: "nc_notifications_created_total",
      help: "In-app notifications created, by category.",
      labelNames: ["category"],
      registers: [registry],
    }),
    sendAttempts: new client.Counter({
      name: "nc_send_attempts_total",
      help: "Delivery attempts to a provider or endpoint, by channel and result.",
      labelNames: ["channel", "result"],
      registers: [registry],
    }),
    pushes: new client.Counter({
      name: "nc_pushes_emitted_total",
      help: "Socket.IO events emitted to user rooms, by event name.",
      labelNames: ["event"],
      registers: [registry],
    }),
    queueYieldSeconds: new client.Counter({
      name: "nc_queue_yield_seconds_total",
      help: "Time the queue thread's workers waited for a busy API before a claim or attempt (QUEUE_YIELD_ELU), summed over the workers, by queue.",
      labelNames: ["queue"],
      registers: [registry],
    }),
    gauges: {
      jobs: gauge("nc_jobs", "Delivery jobs in the queue, by channel and state.", ["channel", "state"]),
      oldestJobSeconds: gauge(
        "nc_queue_oldest_job_age_seconds",
        "Age of the oldest job still waiting to be sent, by channel (0 when none).",
        ["channel"],
      ),
      sockets: gauge("nc_sockets_connected", "Browser sockets connected to this instance."),
      pool: gauge("nc_pg_pool_connections", "Postgres pool connections of this instance, by state.", ["state"]),
      apiLoad: gauge(
        "nc_api_event_loop_utilization",
        "The API event loop's utilization (0-1) over its last 100 ms, as the queue thread reads it (0 without one).",
      ),
    },
  };
}

export function metrics(): Metrics {
  holder.__metrics ??= create();
  return holder.__metrics;
}

/** Turns recording on or off at run time (the benchmark measures ingest both ways on one server). */
export function setMetricsEnabled(enabled: boolean) {
  metrics().enabled = enabled;
}

/** Adds a scrape-time source; returns its removal. */
export function addScrapeSource(source: ScrapeSource): () => void {
  metrics().sources.add(source);
  return () => metrics().sources.delete(source);
}

/** A catalog type as a label, "invalid" for anything else (bounded cardinality). */
const typeLabel = (type: unknown) => (typeof type === "string" && isNotificationType(type) ? type : "invalid");

export function countEvent(type: unknown, result: EventResult) {
  const m = metrics();
  if (m.enabled) m.events.inc({ type: typeLabel(type), result });
}

export function observeIngest(route: "single" | "batch", seconds: number) {
  const m = metrics();
  if (m.enabled) m.ingestSeconds.observe({ route }, seconds);
}

export function countNotifications(category: string, count: number) {
  const m = metrics();
  if (m.enabled && count > 0) m.notifications.inc({ category }, count);
}

/** What a thread whose counts another thread serves has counted since it last handed them over. */
export interface RelayedCounts {
  sendAttempts: { channel: QueueChannel; result: string; count: number }[];
  yieldSeconds: { queue: QueueChannel; seconds: number }[];
}

// Set in the queue thread (lib/server/queue-thread.ts): its counts are kept here and handed to the
// main thread, whose registry /metrics serves.
let relayed:
  { sendAttempts: Map<string, RelayedCounts["sendAttempts"][number]>; yields: Map<QueueChannel, number> } | undefined;

export function countSendAttempt(channel: QueueChannel, result: string, count = 1) {
  if (relayed) {
    const key = `${channel} ${result}`;
    const sends = relayed.sendAttempts;
    const entry = sends.get(key) ?? sends.set(key, { channel, result, count: 0 }).get(key)!;
    entry.count += count;
    return;
  }
  const m = metrics();
  if (m.enabled) m.sendAttempts.inc({ channel, result }, count);
}

/** Time a queue's worker waited for a busy API (lib/queue/foreground.ts). */
export function countQueueYield(queue: QueueChannel, seconds: number) {
  if (seconds <= 0) return;
  if (relayed) {
    relayed.yields.set(queue, (relayed.yields.get(queue) ?? 0) + seconds);
    return;
  }
  const m = metrics();
  if (m.enabled) m.queueYieldSeconds.inc({ queue }, seconds);
}

/** In a thread whose counts another thread serves: keep them for takeRelayedCounts(). */
export function relayCounts() {
  relayed ??= { sendAttempts: new Map(), yields: new Map() };
}

/** The counts since the last call (the relay's side); null when there are none. */
export function takeRelayedCounts(): RelayedCounts | null {
  if (!relayed || (relayed.sendAttempts.size === 0 && relayed.yields.size === 0)) return null;
  const counts = {
    sendAttempts: [...relayed.sendAttempts.values()],
    yieldSeconds: [...relayed.yields].map(([queue, seconds]) => ({ queue, seconds })),
  };
  relayed.sendAttempts.clear();
  relayed.yields.clear();
  return counts;
}

/** Records what a relaying thread counted (the serving thread's side). */
export function addRelayedCounts(counts: RelayedCounts) {
  for (const { channel, result, count } of counts.sendAttempts) countSendAttempt(channel, result, count);
  for (const { queue, seconds } of counts.yieldSeconds) countQueueYield(queue, seconds);
}

// One child counter per event name: a large fan-out counts thousands of emits.
const pushCounters = new Map<string, client.Counter.Internal>();
export function countPushes(event: string) {
  const m = metrics();
  if (!m.enabled) return;
  let counter = pushCounters.get(event);
  if (!counter) pushCounters.set(event, (counter = m.pushes.labels({ event })));
  counter.inc();
}

/** The Prometheus text exposition of this instance. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
