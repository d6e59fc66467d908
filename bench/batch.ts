// Section 2a: batches of 500 events (one recipient each), in notifications per second, next to
// the same rows inserted with plain multi-row INSERTs.
import { runLoad } from "./load";
import { directEvent, nextEventId, pick } from "./events";
import { insertLoad, loadRowSet } from "./pg-baseline";
import type { Row } from "./stats";
import type { Bench } from "./context";

const count = async (bench: Bench) =>
  Number((await bench.pool.query(`SELECT count(*) FROM "Notification"`)).rows[0].count);

export async function batchSection(bench: Bench): Promise<Row[]> {
  const label = `POST /api/v1/events/batch (${bench.sizes.batchEvents} events), ${bench.sizes.batchConnections} conn`;
  if (!(await bench.routeExists("/api/v1/events/batch")))
    return [{ section: "2", label, result: "n/a (route missing)" }];
  const request = {
    method: "POST",
    path: "/api/v1/events/batch",
    headers: { authorization: `Bearer ${bench.directory.apiKey}`, "content-type": "application/json" },
    setupRequest: (req: object) => {
      const events = Array.from({ length: bench.sizes.batchEvents }, () =>
        directEvent(nextEventId("batch"), pick(bench.directory.users)),
      );
      return { ...req, body: JSON.stringify({ events }) };
    },
  };
  if (bench.sizes.batchWarmUp)
    await runLoad({ url: bench.url, connections: 1, duration: 600, amount: 1, timeout: 300, request });

  // A fixed number of batches rather than a duration: a slow batch must not be cut off and lost.
  const before = await count(bench);
  const amount = bench.sizes.batchConnections * bench.sizes.batchRounds;
  const load = await runLoad({
    url: bench.url,
    connections: bench.sizes.batchConnections,
    duration: 600,
    amount,
    timeout: 300,
    request,
  });
  const created = (await count(bench)) - before;
  const result = {
    ...load.metric,
    value: created / load.seconds,
    detail: [`${load.ok} batches`, load.metric.detail].filter(Boolean).join(", "),
  };

  // The rows of one batch's worth of stored events, inserted again and again with fresh ids.
  const template = await loadRowSet(bench.pool, await storedBatch(bench));
  const baseline = await insertLoad(bench.pool, template, bench.sizes.batchConnections, bench.sizes.batchSeconds);
  bench.log(`2 batch: ${Math.round(result.value)} notifications/s vs INSERT ${Math.round(baseline.value)}/s`);
  return [
    {
      section: "2",
      label: `${label}, notifications`,
      result,
      baseline: {
        label: `multi-row INSERT (${template.events.length}+${template.notifications.length}+${template.deliveries.length} rows/tx)`,
        metric: baseline,
      },
      target: "≥ 0.3× INSERT",
    },
  ];
}

/** The external ids of the last batch-size worth of stored batch events. */
async function storedBatch(bench: Bench) {
  const { rows } = await bench.pool.query(
    `SELECT "externalId" FROM "Event" WHERE "externalId" LIKE 'batch_%' ORDER BY "receivedAt" DESC LIMIT $1`,
    [bench.sizes.batchEvents],
  );
  return rows.map((r) => r.externalId as string);
}
