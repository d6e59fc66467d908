// Section 1: single-event ingest at increasing concurrency, next to the no-op route at the same
// concurrency with the same request (the framework's own ceiling).
import { runLoad } from "./load";
import { directEvent, nextEventId, pick } from "./events";
import type { Row } from "./stats";
import type { Bench } from "./context";

export async function ingestSection(bench: Bench): Promise<Row[]> {
  const headers = { authorization: `Bearer ${bench.directory.apiKey}`, "content-type": "application/json" };
  const request = (path: string) => ({
    method: "POST",
    path,
    headers,
    // A fresh id and a random recipient per request: no duplicates, no user with a runaway unread count.
    setupRequest: (req: object) => ({
      ...req,
      body: JSON.stringify(directEvent(nextEventId("ingest"), pick(bench.directory.users))),
    }),
  });
  if (!(await bench.routeExists("/api/v1/events")))
    return [{ section: "1", label: "ingest", result: "n/a (route missing)" }];

  // Warm-up: JIT, lazily loaded route modules, connection pools.
  await runLoad({ url: bench.url, connections: 16, duration: 2, request: request("/api/bench/noop") });
  await runLoad({ url: bench.url, connections: 16, duration: 2, request: request("/api/v1/events") });

  const rows: Row[] = [];
  for (const connections of bench.sizes.ingestConnections) {
    const noop = await runLoad({
      url: bench.url,
      connections,
      duration: bench.sizes.ingestSeconds,
      request: request("/api/bench/noop"),
    });
    const ingest = await runLoad({
      url: bench.url,
      connections,
      duration: bench.sizes.ingestSeconds,
      request: request("/api/v1/events"),
    });
    bench.log(
      `1 ingest @${connections}: ${Math.round(ingest.metric.value)}/s vs noop ${Math.round(noop.metric.value)}/s`,
    );
    rows.push({
      section: "1",
      label: `POST /api/v1/events, ${connections} conn`,
      result: ingest.metric,
      baseline: { label: "no-op route", metric: noop.metric },
      target: connections === 16 ? "≥ 0.6× no-op, p99 ≤ 50 ms" : undefined,
    });
  }
  return rows;
}
