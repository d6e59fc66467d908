// Section 4: the inbox's first page and unread count for a reader with many notifications in a
// large table, one request at a time (latency, not throughput); next to the same SQL issued
// directly with `pg`, and to the no-op route.
import { inboxPageQuery, unreadCountQuery, type Query } from "@/lib/notifications/inbox";
import { fillInbox, INBOX_USER, sessionCookie } from "./directory";
import { latencyOf, runLoad } from "./load";
import { percentiles, type Metric, type Row } from "./stats";
import type { Bench } from "./context";

// The very SQL the inbox issues for a first page (status "all": not archived) and for the badge.
const PAGE = inboxPageQuery(INBOX_USER, "all", undefined, null, 21);
const COUNT = unreadCountQuery(INBOX_USER);

async function sqlLatency(seconds: number, run: () => Promise<unknown>): Promise<Metric> {
  const samples: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const latency = percentiles(samples)!;
  return { value: latency.p99, unit: "ms", latency };
}

export async function inboxSection(bench: Bench): Promise<{ rows: Row[]; plans: Record<string, string> }> {
  const { own, total } = { own: bench.sizes.inboxOwn, total: bench.sizes.inboxTotal };
  const started = Date.now();
  const filled = await fillInbox(bench.pool, { own, total, users: bench.directory.users.length });
  bench.log(
    `4 inbox: ${filled.total.toLocaleString("en-US")} notifications (${filled.added.toLocaleString("en-US")} added in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );

  const size = `${own.toLocaleString("en-US")} of ${filled.total.toLocaleString("en-US")} rows`;
  const cookie = await sessionCookie(bench.pool, INBOX_USER, bench.secret);
  const get = (path: string) => ({ method: "GET", path, headers: { cookie } });
  const seconds = bench.sizes.inboxSeconds;
  const sql = ({ statement }: Query) => bench.pool.query(statement.text, statement.values);

  const plans: Record<string, string> = {};
  for (const [name, { statement }] of Object.entries({ page: PAGE, count: COUNT })) {
    const { rows } = await bench.pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
    plans[name] = rows.map((r) => r["QUERY PLAN"]).join("\n");
  }

  const pageSql = await sqlLatency(seconds, () => Promise.all([sql(PAGE), sql(COUNT)]));
  const countSql = await sqlLatency(seconds, () => sql(COUNT));
  const noop = latencyOf(
    (await runLoad({ url: bench.url, connections: 1, duration: seconds, request: get("/api/bench/noop") })).metric,
  );
  const rows: Row[] = [{ section: "4", label: "GET no-op route, 1 conn (reference)", result: noop }];

  for (const [label, path, baseline] of [
    ["first page", "/api/notifications", pageSql],
    ["unread count", "/api/notifications/unread-count", countSql],
  ] as const) {
    const full = `GET ${path} (${label}, ${size}), 1 conn`;
    if (!(await bench.routeExists(path, "GET"))) {
      rows.push({ section: "4", label: full, result: "n/a (route missing)" });
      continue;
    }
    await runLoad({ url: bench.url, connections: 1, duration: 1, request: get(path) }); // warm-up
    const result = latencyOf(
      (await runLoad({ url: bench.url, connections: 1, duration: seconds, request: get(path) })).metric,
    );
    bench.log(`4 ${label}: p99 ${result.value.toFixed(1)} ms vs SQL ${baseline.value.toFixed(1)} ms`);
    rows.push({
      section: "4",
      label: full,
      result,
      baseline: { label: "same SQL via pg", metric: baseline },
      target: "p99 ≤ 10 ms",
    });
  }
  return { rows, plans };
}
