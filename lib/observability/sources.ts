// What /metrics reads when Prometheus scrapes: the shared queue's state from Postgres (one indexed
// query per channel), this instance's sockets and pool. Registered by the server at start.
import { poolStats } from "@/lib/db";
import { queueSummaries } from "@/lib/observability/queues";
import { addScrapeSource, metrics } from "@/lib/observability/metrics";
import type { RealtimeServer } from "@/lib/realtime/emit";

/** Each queue's jobs by state and its oldest job's age. */
async function queueGauges() {
  const { jobs, oldestJobSeconds } = metrics().gauges;
  for (const queue of await queueSummaries()) {
    for (const [state, count] of Object.entries(queue.states)) jobs.set({ channel: queue.channel, state }, count);
    oldestJobSeconds.set({ channel: queue.channel }, queue.oldestAgeSeconds);
  }
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
    addScrapeSource(queueGauges),
  ];
  return () => removers.forEach((remove) => remove());
}
