// Section 1: single-event ingest at increasing concurrency, next to the no-op route at the same
// concurrency with the same request (the framework's own ceiling).
import type { Request } from "autocannon";
import { runLoad } from "./load";
import { directEvent, nextEventId, pick } from "./events";
import type { Row } from "./stats";
import type { Bench } from "./context";
import { postBacklog, queueDepth, settleQueue } from "./email-queue";

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

  // Email on: the previous section's backlog is dropped; what drains now is ingest's own mail.
  if (bench.email) await settleQueue(bench, 0);
  // Warm-up: JIT, lazily loaded route modules, connection pools.
  await runLoad({ url: bench.url, connections: 16, duration: 2, request: request("/api/bench/noop") });
  await runLoad({ url: bench.url, connections: 16, duration: 2, request: request("/api/v1/events") });

  const rows: Row[] = [];
  let quiet16: Row["result"] | undefined;
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
    if (connections === 16) quiet16 = noop.metric;
  }
  if (await bench.routeExists("/api/bench/metrics")) rows.push(await metricsCost(bench, request("/api/v1/events")));
  if (bench.email && quiet16) rows.push(...(await ingestWhileDraining(bench, request("/api/v1/events"), quiet16)));
  return rows;
}

const setMetrics = (bench: Bench, enabled: boolean) =>
  fetch(`${bench.url}/api/bench/metrics`, { method: "POST", body: JSON.stringify({ enabled }) }).then((r) => r.json());

/**
 * Ingest at 16 connections with metrics recorded and without, on the same server: what /metrics
 * costs the hot path. On first, then off: a server only gets faster as it warms up, so any drift
 * favours the baseline and the cost shown is not understated. Each run starts with an empty queue.
 */
async function metricsCost(bench: Bench, request: Request): Promise<Row> {
  const measure = async (enabled: boolean) => {
    await settleQueue(bench, 0);
    await setMetrics(bench, enabled);
    return runLoad({ url: bench.url, connections: 16, duration: bench.sizes.ingestSeconds, request });
  };
  const on = await measure(true);
  const off = await measure(false);
  await setMetrics(bench, true);
  bench.log(`1 ingest @16 metrics on ${Math.round(on.metric.value)}/s vs off ${Math.round(off.metric.value)}/s`);
  return {
    section: "1",
    label: "POST /api/v1/events, 16 conn, metrics on",
    result: on.metric,
    baseline: { label: "metrics off", metric: off.metric },
    target: "cost < 5% (≥ 0.95×)",
  };
}

/**
 * Email on: 16 connections of ingest while a backlog of one-recipient events drains (a renewal
 * run), next to the quiet no-op route: ingest only writes the jobs, the sending happens beside it.
 */
async function ingestWhileDraining(bench: Bench, request: Request, quiet: Row["result"]): Promise<Row[]> {
  const size = bench.sizes.emailBacklog;
  await settleQueue(bench, 0);
  // Recipients other than the socket users: the backlog's notifications reach no socket.
  await postBacklog(bench, size, bench.directory.users.slice(bench.sizes.e2eSockets));
  const before = (await bench.email!.fake.stats()).accepted;
  const load = await runLoad({ url: bench.url, connections: 16, duration: bench.sizes.ingestSeconds, request });
  const drained = (await bench.email!.fake.stats()).accepted - before;
  const left = await queueDepth(bench);
  bench.log(
    `1 ingest @16 while draining: ${Math.round(load.metric.value)}/s, ${drained} emails accepted, ${left} jobs left`,
  );
  const label = `POST /api/v1/events, 16 conn, while a ${size.toLocaleString("en-US")}-email backlog drains`;
  const detail = `${drained.toLocaleString("en-US")} emails sent meanwhile`;
  const result = { ...load.metric, detail: [load.metric.detail, detail].filter(Boolean).join("; ") };
  return [
    {
      section: "1",
      label,
      result,
      baseline: typeof quiet === "string" ? undefined : { label: "no-op route (quiet)", metric: quiet },
      target: "≥ 0.7× no-op, p99 ≤ 1.5× its p99",
    },
  ];
}
