// Section 2b: one event to N recipients, all connected: the response time (everything stored),
// notifications per second, and the time until the last socket has it; next to the same rows
// inserted with plain INSERTs and a bare Socket.IO server emitting to the same N clients.
import type { Socket } from "socket.io-client";
import { fanoutEvent, nextEventId } from "./events";
import { EVENT_TYPE, FANOUT_ORG } from "./directory";
import { insertRowSet, loadRowSet } from "./pg-baseline";
import { waitForDeliveries } from "./sockets";
import { percentiles, type Metric, type Row } from "./stats";
import type { Bench } from "./context";

export interface FanoutRun {
  response: Metric;
  delivered: Metric;
  rate: Metric;
  eventIds: string[];
}

const ms = (samples: number[], detail?: string): Metric => {
  const latency = percentiles(samples)!;
  return { value: latency.p50, unit: "ms", latency, detail };
};

export async function appFanout(bench: Bench, sockets: Socket[]): Promise<FanoutRun | null> {
  if (!(await bench.routeExists("/api/v1/events"))) return null;
  const responses: number[] = [];
  const deliveries: number[] = [];
  const eventIds: string[] = [];
  let missing = 0;
  for (let i = 0; i < bench.sizes.fanoutRepeats; i++) {
    const id = nextEventId("fanout");
    eventIds.push(id);
    const delivered = waitForDeliveries(sockets, id, sockets.length);
    const started = performance.now();
    const response = await fetch(`${bench.url}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${bench.directory.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify(fanoutEvent(id)),
    });
    const body = (await response.json()) as { notifications?: number };
    responses.push(performance.now() - started);
    if (body.notifications !== sockets.length)
      bench.log(`fan-out created ${body.notifications} notifications, expected ${sockets.length}`);
    const { lastAt, received } = await delivered;
    if (lastAt === null) missing += sockets.length - received;
    else deliveries.push(lastAt - started);
    await new Promise((r) => setTimeout(r, 1000)); // let the unread-count emits drain
  }
  const response = ms(responses);
  return {
    response,
    rate: { value: sockets.length / (response.value / 1000), unit: "/s" },
    delivered: deliveries.length
      ? ms(deliveries, missing ? `${missing} deliveries missing` : undefined)
      : { value: 0, unit: "ms", detail: "never all delivered" },
    eventIds,
  };
}

/**
 * The same fan-out routed by a recipient rule instead of the catalog's audience: every admin of
 * the customer by role in To, two outside addresses in Cc (so also email jobs). The rule is
 * written as the session API would store it and announced to the server's rule cache.
 */
export async function ruleFanout(bench: Bench, sockets: Socket[]): Promise<FanoutRun | null> {
  const rule = {
    to: [{ role: "admin", of: "customer" }],
    cc: [{ email: "finance@bench-outside.example" }, { email: "ops@bench-outside.example" }],
  };
  await bench.pool.query(
    `INSERT INTO "RecipientRule" ("organizationId", type, "to", cc, bcc, locked, "updatedAt")
     VALUES ($1, $2, $3, $4, '[]', false, now())
     ON CONFLICT ("organizationId", type) DO UPDATE SET "to" = EXCLUDED."to", cc = EXCLUDED.cc`,
    [FANOUT_ORG, EVENT_TYPE, JSON.stringify(rule.to), JSON.stringify(rule.cc)],
  );
  await bench.pool.query(`SELECT pg_notify('nc_cache_invalidate', 'recipient-rules')`);
  await new Promise((r) => setTimeout(r, 200)); // the server hears the notice
  try {
    return await appFanout(bench, sockets);
  } finally {
    await bench.pool.query(`DELETE FROM "RecipientRule" WHERE "organizationId" = $1`, [FANOUT_ORG]);
    await bench.pool.query(`SELECT pg_notify('nc_cache_invalidate', 'recipient-rules')`);
  }
}

/** Rows comparing the rule-routed fan-out with the catalog-routed one of the same run. */
export function ruleFanoutRows(recipients: number, app: FanoutRun | null, rule: FanoutRun | null): Row[] {
  const label = `one event → ${recipients.toLocaleString("en-US")} recipients by a recipient rule (role + 2 outside addresses)`;
  if (!app || !rule) return [{ section: "2", label, result: "n/a" }];
  return [
    {
      section: "2",
      label: `${label}: response (stored)`,
      result: rule.response,
      baseline: { label: "same fan-out by the catalog's tokens", metric: app.response },
      target: "within 10 % of the baseline",
    },
    {
      section: "2",
      label: `${label}: until the last socket has it`,
      result: rule.delivered,
      baseline: { label: "same fan-out by the catalog's tokens", metric: app.delivered },
    },
  ];
}

/** The bare server: POST /emit with every user id, until every socket has it. */
export async function bareFanout(url: string, sockets: Socket[], userIds: string[], repeats: number): Promise<Metric> {
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const id = nextEventId("bare_fanout");
    const delivered = waitForDeliveries(sockets, id, sockets.length);
    const started = performance.now();
    await fetch(`${url}/emit`, { method: "POST", body: JSON.stringify({ userIds, eventId: id }) }).then((r) =>
      r.arrayBuffer(),
    );
    const { lastAt } = await delivered;
    if (lastAt !== null) samples.push(lastAt - started);
  }
  return ms(samples);
}

/** The same rows as one stored fan-out event, inserted in one transaction with plain INSERTs. */
export async function insertFanout(bench: Bench, eventId: string, repeats: number): Promise<Metric> {
  const template = await loadRowSet(bench.pool, [eventId]);
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await insertRowSet(bench.pool, template);
    samples.push(performance.now() - started);
  }
  return ms(samples, `${template.notifications.length}+${template.deliveries.length} rows`);
}

export function fanoutRows(
  recipients: number,
  app: FanoutRun | null,
  insert: Metric | null,
  bare: Metric | null,
): Row[] {
  const label = `one event → ${recipients.toLocaleString("en-US")} recipients`;
  if (!app) return [{ section: "2", label, result: "n/a (route missing)" }];
  return [
    {
      section: "2",
      label: `${label}: response (stored)`,
      result: app.response,
      baseline: insert ? { label: "same rows, INSERT", metric: insert } : undefined,
      target: "< 250 ms",
    },
    {
      section: "2",
      label: `${label}: notifications/s`,
      result: app.rate,
      baseline: insert
        ? { label: "same rows, INSERT", metric: { value: recipients / (insert.value / 1000), unit: "/s" } }
        : undefined,
    },
    {
      section: "2",
      label: `${label}: until the last socket has it`,
      result: app.delivered,
      baseline: bare ? { label: "bare Socket.IO", metric: bare } : undefined,
    },
  ];
}
