// What /metrics reads when Prometheus scrapes: the shared queue's state from Postgres (one indexed
// query per channel), this instance's sockets and pool. Registered by the server at start.
import { db, poolStats, raw, sql } from "@/lib/db";
import { addScrapeSource, metrics } from "@/lib/observability/metrics";
import type { RealtimeServer } from "@/lib/realtime/emit";

/** Jobs of one channel's queue still to send, by state, and how long the oldest has waited. */
function queueSource(channel: "email" | "webhook", table: "EmailDelivery" | "WebhookMessage", states: string[]) {
  return async () => {
    // Timestamps are stored as UTC wall-clock time (timestamp(3)), hence now() AT TIME ZONE 'UTC';
    // the (status, runAt) index serves the filter.
    const rows = await db.$queryRaw<{ status: string; jobs: number; age: number }[]>(sql`
      SELECT status, count(*)::int AS jobs,
             GREATEST(0, EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC') - min("createdAt")))::float8 AS age
      FROM ${raw(`"${table}"`)} WHERE status = ANY(${states}) GROUP BY status`);
    const { jobs, oldestJobSeconds } = metrics().gauges;
    for (const state of states) jobs.set({ channel, state }, rows.find((r) => r.status === state)?.jobs ?? 0);
    oldestJobSeconds.set({ channel }, Math.max(0, ...rows.map((r) => r.age)));
  };
}

export function registerScrapeSources(io: RealtimeServer) {
  const { sockets, pool } = metrics().gauges;
  const removers = [
    addScrapeSource(() => sockets.set(io.engine.clientsCount)),
    addScrapeSource(() => {
      const stats = poolStats();
      pool.set({ state: "in_use" }, stats.total - stats.idle);
      pool.set({ state: "idle" }, stats.idle);
      pool.set({ state: "waiting" }, stats.waiting);
    }),
    addScrapeSource(queueSource("email", "EmailDelivery", ["queued", "sending"])),
    addScrapeSource(queueSource("webhook", "WebhookMessage", ["pending", "sending"])),
  ];
  return () => removers.forEach((remove) => remove());
}
