// Section 7: webhooks. (a) Ingest with three endpoints subscribed to the event's organization next
// to ingest without any (the fan-out is one more CTE in the ingest statement, and the worker sends
// meanwhile), measured without / with / without so drift shows. (b) Messages per second the
// server's worker delivers to a local receiver that answers at once, next to plain fetch() POSTs
// of the same bodies and headers to the same receiver, from this process, with as many requests
// in flight as the worker allows (3 endpoints × its per-endpoint limit).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { encryptSecret } from "../lib/crypto";
import { defaultWebhookTiming } from "../lib/webhooks/deliver";
import { generateWebhookSecret } from "../lib/webhooks/signing";
import { uuidv7 } from "../lib/uuid";
import type { Bench } from "./context";
import { PLAIN_ORG } from "./directory";
import { directEvent, nextEventId, pick } from "./events";
import { runLoad } from "./load";
import type { Metric, Row } from "./stats";

const ENDPOINTS = 3;

interface Receiver {
  url: string;
  count: number;
  keep: boolean;
  kept: { body: string; headers: Record<string, string> }[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: "", count: 0, keep: false, kept: [], close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      receiver.count++;
      if (receiver.keep)
        receiver.kept.push({
          body: Buffer.concat(chunks).toString("utf8"),
          headers: {
            "webhook-id": String(req.headers["webhook-id"]),
            "webhook-timestamp": String(req.headers["webhook-timestamp"]),
            "webhook-signature": String(req.headers["webhook-signature"]),
          },
        });
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

const waitFor = async (check: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
};

export async function webhookSection(bench: Bench): Promise<Row[]> {
  const receiver = await startReceiver();
  try {
    return [...(await ingestRows(bench, receiver)), ...(await deliveryRows(bench, receiver))];
  } finally {
    await receiver.close();
  }
}

async function ingestRows(bench: Bench, receiver: Receiver): Promise<Row[]> {
  const headers = { authorization: `Bearer ${bench.directory.apiKey}`, "content-type": "application/json" };
  const run = () =>
    runLoad({
      url: bench.url,
      connections: 16,
      duration: bench.sizes.ingestSeconds,
      request: {
        method: "POST",
        path: "/api/v1/events",
        headers,
        setupRequest: (req: object) => ({
          ...req,
          body: JSON.stringify(directEvent(nextEventId("webhooks"), pick(bench.directory.users))),
        }),
      },
    });
  await run(); // warm-up: JIT, route modules, pools
  const before = await run();
  for (let i = 0; i < ENDPOINTS; i++)
    await bench.pool.query(
      `INSERT INTO "WebhookEndpoint" (id, "organizationId", url, types, secret, "updatedAt")
       VALUES ($1, $2, $3, ARRAY['*'], $4, now())`,
      [uuidv7(), PLAIN_ORG, `${receiver.url}/endpoint-${i}`, encryptSecret(generateWebhookSecret())],
    );
  const withEndpoints = await run();
  const messages = Number((await bench.pool.query(`SELECT count(*) FROM "WebhookMessage"`)).rows[0].count);
  await bench.pool.query(`UPDATE "WebhookEndpoint" SET enabled = false`);
  const after = await run();
  const baseline: Metric = {
    value: (before.metric.value + after.metric.value) / 2,
    unit: "/s",
    detail: `${Math.round(before.metric.value)} before, ${Math.round(after.metric.value)} after`,
  };
  bench.log(
    `7 ingest with ${ENDPOINTS} endpoints: ${Math.round(withEndpoints.metric.value)}/s vs ${Math.round(baseline.value)}/s without (${messages} messages)`,
  );
  return [
    {
      section: "7",
      label: `POST /api/v1/events, 16 conn, ${ENDPOINTS} webhook endpoints subscribed`,
      result: { ...withEndpoints.metric, detail: `${messages.toLocaleString("en-US")} messages queued` },
      baseline: { label: "no endpoint", metric: baseline },
      target: "≥ 0.9× without",
    },
  ];
}

async function deliveryRows(bench: Bench, receiver: Receiver): Promise<Row[]> {
  const perEvent = ENDPOINTS;
  const total = bench.sizes.ingestSeconds >= 10 ? 6_000 : 1_500;
  // A backlog of messages for events already stored, held back (endpoints off) until the clock starts.
  await bench.pool.query(`DELETE FROM "WebhookMessage"`);
  await bench.pool.query(
    `INSERT INTO "WebhookMessage" (id, "endpointId", "eventId", type, "runAt", "createdAt", "updatedAt")
     SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), w.id, e.id, e.type, now() AT TIME ZONE 'UTC',
            now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
     FROM (SELECT id, type FROM "Event" WHERE "organizationId" = $1 ORDER BY "receivedAt" LIMIT $2) e
     CROSS JOIN "WebhookEndpoint" w`,
    [PLAIN_ORG, Math.ceil(total / perEvent)],
  );
  const queued = Number((await bench.pool.query(`SELECT count(*) FROM "WebhookMessage"`)).rows[0].count);
  receiver.count = 0;
  receiver.keep = true;
  const started = performance.now();
  await bench.pool.query(`UPDATE "WebhookEndpoint" SET enabled = true`);
  await bench.pool.query(`NOTIFY webhook_jobs`);
  const done = await waitFor(() => receiver.count >= queued, 180_000);
  const seconds = (performance.now() - started) / 1000;
  receiver.keep = false;
  const delivered = Number(
    (await bench.pool.query(`SELECT count(*) FROM "WebhookMessage" WHERE status = 'delivered'`)).rows[0].count,
  );
  const worker: Metric = {
    value: receiver.count / seconds,
    unit: "/s",
    detail: `${receiver.count.toLocaleString("en-US")} requests, ${delivered.toLocaleString("en-US")} recorded delivered${done ? "" : " (timed out)"}`,
  };

  // The same bodies and headers with fetch(), as many in flight as the worker allows.
  const inFlight = ENDPOINTS * defaultWebhookTiming.perEndpoint;
  const bodies = receiver.kept.splice(0);
  let next = 0;
  const fetchStarted = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < bodies.length) {
        const { body, headers } = bodies[next++]!;
        const response = await fetch(`${receiver.url}/baseline`, {
          method: "POST",
          body,
          headers: { ...headers, "content-type": "application/json" },
        });
        await response.arrayBuffer();
      }
    }),
  );
  const fetchSeconds = (performance.now() - fetchStarted) / 1000;
  const plain: Metric = { value: bodies.length / fetchSeconds, unit: "/s", detail: `${inFlight} in flight` };
  bench.log(`7 webhook delivery: ${Math.round(worker.value)}/s vs fetch ${Math.round(plain.value)}/s`);
  return [
    {
      section: "7",
      label: `webhook messages delivered to a local receiver (${ENDPOINTS} endpoints)`,
      result: worker,
      baseline: { label: "plain fetch POSTs", metric: plain },
      target: "≥ 0.5× fetch",
    },
  ];
}
