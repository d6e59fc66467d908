// The email queue as the benchmark drives it: a backlog posted through the API (a renewal run:
// one recipient per event), copies of those jobs queued at once for the pipeline, and a settled
// queue between sections so each measures the backlog it names. Accepted emails are counted by
// the fake Resend (tests/support/fake-resend.ts), which runs in a child process (fake-resend-process.ts).
import type { FakeResendProcess } from "./fake-resend-process";
import type { Bench } from "./context";
import { directEvent, pick } from "./events";

const BACKLOG_PREFIX = "backlog";
let backlogSequence = 0;

export interface EmailBench {
  fake: FakeResendProcess;
  /** Render threads of the server's pool (what the pipeline can use). */
  renderThreads: number;
}

/** Jobs not yet finished (queued, or claimed and under way). */
export async function queueDepth(bench: Bench): Promise<number> {
  const { rows } = await bench.pool.query(
    `SELECT count(*)::int AS n FROM "EmailDelivery" WHERE status IN ('queued', 'sending')`,
  );
  return rows[0].n as number;
}

/**
 * Waits up to `seconds` for the queue to drain (0: not at all); what is left then is dropped
 * (marked suppressed, "bench: dropped"), so the next section starts from an empty queue.
 */
export async function settleQueue(bench: Bench, seconds: number): Promise<number> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until && (await queueDepth(bench)) > 0) await new Promise((r) => setTimeout(r, 250));
  // Rows the worker holds are skipped, not waited for: waiting on a job the worker is marking while
  // holding rows the worker wants next deadlocks (seen with a 100,000-job backlog).
  let dropped = 0;
  for (;;) {
    const { rowCount } = await bench.pool.query(
      `UPDATE "EmailDelivery" SET status = 'suppressed', "lastError" = 'bench: dropped'
       WHERE id IN (SELECT id FROM "EmailDelivery" WHERE status = 'queued' LIMIT 10000 FOR UPDATE SKIP LOCKED)`,
    );
    dropped += rowCount ?? 0;
    if (!rowCount) break;
  }
  // Claimed jobs finish by themselves within a request or two.
  for (let i = 0; i < 40 && (await queueDepth(bench)) > 0; i++) await new Promise((r) => setTimeout(r, 250));
  if (dropped) bench.log(`email queue: dropped ${dropped} jobs left from the previous section`);
  return dropped;
}

/** `count` one-recipient events through POST /api/v1/events/batch (500 per call): `count` email jobs. */
export async function postBacklog(bench: Bench, count: number, recipients: string[]) {
  for (let start = 0; start < count; start += 500) {
    const events = Array.from({ length: Math.min(500, count - start) }, () =>
      directEvent(`${BACKLOG_PREFIX}_${process.pid}_${++backlogSequence}`, pick(recipients)),
    );
    const response = await fetch(`${bench.url}/api/v1/events/batch`, {
      method: "POST",
      headers: { authorization: `Bearer ${bench.directory.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ events }),
    });
    await response.arrayBuffer();
    if (response.status !== 207) throw new Error(`backlog batch answered ${response.status}`);
  }
}

/**
 * Queues `count` copies of the backlog's jobs (same events, recipients and trails; new ids) in one
 * statement, so the whole backlog is there before the worker sees any of it; returns when it was
 * committed. The copies start queued and due now; the worker is woken through its NOTIFY channel.
 */
export async function queueCopies(bench: Bench, count: number): Promise<number> {
  const client = await bench.pool.connect();
  try {
    const { rowCount } = await client.query(
      `WITH source AS (
         SELECT d.* FROM "EmailDelivery" d JOIN "Event" e ON e.id = d."eventId"
         WHERE e."externalId" LIKE $1 LIMIT $2
       ), numbered AS (SELECT *, row_number() OVER () - 1 AS i, count(*) OVER () AS n FROM source)
       INSERT INTO "EmailDelivery" (id, "eventId", "notificationId", "userId", "toAddress", type, role, status, attempts, "runAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, "eventId", "notificationId", "userId", "toAddress", type, role, 'queued', 0,
              now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM generate_series(0, $2::int - 1) g JOIN numbered ON numbered.i = g % numbered.n`,
      [`${BACKLOG_PREFIX}_%`, count],
    );
    await client.query(`NOTIFY email_jobs`);
    return rowCount ?? 0;
  } finally {
    client.release();
  }
}

/** Resolves when the fake has accepted `count` more emails than `from` (or after `timeoutMs`). */
export async function acceptedBy(fake: FakeResendProcess, from: number, count: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while ((await fake.stats()).accepted - from < count && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const stats = await fake.stats();
  return { accepted: stats.accepted - from, lastAcceptedAt: stats.lastAcceptedAt };
}
