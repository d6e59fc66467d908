// The delivery queues' state: jobs still to send per channel and state, and how long the oldest
// has waited. One indexed query per channel (the (status, runAt) index serves the filter); read by
// /metrics, /api/ready and the console dashboard.
import { db, raw, sql } from "@/lib/db";

export type QueueChannel = "email" | "webhook";

const queues: { channel: QueueChannel; table: string; states: string[] }[] = [
  { channel: "email", table: "EmailDelivery", states: ["queued", "sending"] },
  { channel: "webhook", table: "WebhookMessage", states: ["pending", "sending"] },
];

interface QueueSummary {
  channel: QueueChannel;
  /** Jobs per waiting state (every state present, 0 when none). */
  states: Record<string, number>;
  waiting: number;
  oldestAgeSeconds: number;
}

async function summary({ channel, table, states }: (typeof queues)[number]): Promise<QueueSummary> {
  // Timestamps are stored as UTC wall-clock time (timestamp(3)), hence now() AT TIME ZONE 'UTC'.
  const rows = await db.$queryRaw<{ status: string; jobs: number; age: number }[]>(sql`
    SELECT status, count(*)::int AS jobs,
           GREATEST(0, EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC') - min("createdAt")))::float8 AS age
    FROM ${raw(`"${table}"`)} WHERE status = ANY(${states}) GROUP BY status`);
  const counts = Object.fromEntries(states.map((state) => [state, rows.find((r) => r.status === state)?.jobs ?? 0]));
  return {
    channel,
    states: counts,
    waiting: rows.reduce((sum, r) => sum + r.jobs, 0),
    oldestAgeSeconds: Math.max(0, ...rows.map((r) => r.age)),
  };
}

/** Every channel's queue, or only the given one. */
export function queueSummaries(only?: QueueChannel): Promise<QueueSummary[]> {
  return Promise.all(queues.filter((q) => !only || q.channel === only).map(summary));
}
