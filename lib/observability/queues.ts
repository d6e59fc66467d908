// The delivery queues' state: jobs still to send per channel and state, and how late the queue
// runs. One indexed query per channel (the (status, runAt) index serves the filter); read by
// /metrics, /api/ready and the console dashboard.
//
// Email waits on purpose for a user's quiet hours (its runAt) and, held, for a digest: those count
// in their state, but neither as waiting nor in the oldest job's age, which runs from the moment a
// job came due; an alert on that age then means mail is late, not that users sleep. A retry counts
// from its job's creation, backoff included: a provider that keeps failing does show as late.
import { db, raw, sql } from "@/lib/db";

export type QueueChannel = "email" | "webhook";

const queues: { channel: QueueChannel; table: string; states: string[]; scheduled: string[] }[] = [
  { channel: "email", table: "EmailDelivery", states: ["queued", "sending"], scheduled: ["held"] },
  { channel: "webhook", table: "WebhookMessage", states: ["pending", "sending"], scheduled: [] },
];

interface QueueSummary {
  channel: QueueChannel;
  /** Jobs per state, due or not (every state present, 0 when none). */
  states: Record<string, number>;
  /** Jobs due now or in flight. */
  waiting: number;
  /** How long the oldest job due (or retrying) has waited since it came due (0 when none). */
  oldestAgeSeconds: number;
}

async function summary({ channel, table, states, scheduled }: (typeof queues)[number]): Promise<QueueSummary> {
  const all = [...states, ...scheduled];
  // Timestamps are stored as UTC wall-clock time (timestamp(3)), hence now() AT TIME ZONE 'UTC'.
  // Each claim counts an attempt: a job on its first (never claimed, or sending its first claim)
  // came due at its runAt; a retry counts from its creation.
  const rows = await db.$queryRaw<{ status: string; jobs: number; due: number; age: number | null }[]>(sql`
    WITH at AS (SELECT now() AT TIME ZONE 'UTC' AS now)
    SELECT status, count(*)::int AS jobs,
           count(*) FILTER (WHERE "runAt" <= at.now)::int AS due,
           EXTRACT(EPOCH FROM at.now - min(
             CASE WHEN attempts > (CASE WHEN status = 'sending' THEN 1 ELSE 0 END) THEN "createdAt" ELSE "runAt" END
           ) FILTER (WHERE "runAt" <= at.now OR attempts > 0))::float8 AS age
    FROM ${raw(`"${table}"`)}, at WHERE status = ANY(${all}) GROUP BY status, at.now`);
  const counts = Object.fromEntries(all.map((state) => [state, rows.find((r) => r.status === state)?.jobs ?? 0]));
  const toSend = rows.filter((r) => states.includes(r.status));
  return {
    channel,
    states: counts,
    waiting: toSend.reduce((sum, r) => sum + r.due, 0),
    oldestAgeSeconds: Math.max(0, ...toSend.map((r) => r.age ?? 0)),
  };
}

/** Every channel's queue, or only the given one. */
export function queueSummaries(only?: QueueChannel): Promise<QueueSummary[]> {
  return Promise.all(queues.filter((q) => !only || q.channel === only).map(summary));
}
