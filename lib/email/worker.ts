// The email worker: drains EmailDelivery jobs from Postgres. Jobs are claimed with
// `FOR UPDATE SKIP LOCKED` under a short lease (lockedUntil) that the worker renews while they run,
// so concurrent workers never take the same job and a crashed worker's jobs are taken again soon
// after. Each claim increments `attempts`, which doubles as the claim token: a worker whose lease
// was taken over cannot overwrite the new owner's result. The job id is Resend's idempotency key,
// so a job re-sent after a crash is still delivered once.
//
// Each job goes claim → compose (render) → send → mark, the mark per job; slots are refilled as
// soon as one job ends, so one slow request never holds the others back.
//
// With a transport that sends batches (Resend), a slot holds up to EMAIL_BATCH_SIZE jobs sent in
// one request under a key made from their ids; each job is still marked from its own answer
// (a refused email fails alone), and a batch whose answer is lost is sent again, the same emails
// under the same key, so the provider accepts each once. The limit: a batch that stays
// unanswered through its retries goes back to the queue job by job, and if the provider had in
// fact accepted it, a later batch under another key would send those emails again.
//
// A crash must not regroup emails either: before a batch goes out, its jobs store its key
// (sendKey), and a worker that takes them over after their lease claims them together and sends
// the same emails (in id order, rendered alike) under the same key, while a job taken over without
// one goes alone under its id, as it may have gone before. A batch's answer is stored for all its
// jobs in one transaction, so they are never left half marked.
import "server-only";
import { retryDelayMs } from "@/lib/backoff";
import { countSendAttempt } from "@/lib/observability/metrics";
import { EVENT_ID, inSpan, linkTo } from "@/lib/observability/tracing";
import { db, query, raw, sql, type Prisma } from "@/lib/db";
import { createQueueLoop } from "@/lib/queue/loop";
import { giveWayToForeground } from "@/lib/queue/foreground";
import { env, type Env } from "@/lib/env";
import { composeEmail, eventTrace, loadRecipients, preloadEvents, UnsendableError, type EmailJob } from "./compose";
import { emailWake } from "./queue";
import { suppressionApplies } from "./unsubscribe";
import {
  claimDueDigests,
  finishDigest,
  prepareDigest,
  renewDigestLeases,
  sweepLateJobs,
  type DigestJob,
} from "./digest";
import { createHash } from "node:crypto";
import {
  defaultTransport,
  MAX_BATCH,
  sendEmail,
  type BatchResult,
  type EmailTransport,
  type OutgoingEmail,
  type SendResult,
} from "./transport";

export interface WorkerTiming {
  /** Longest sleep between looks at the queue when nothing wakes the worker. */
  pollMs: number;
  /**
   * How long a claimed job stays reserved. The worker renews the lease of its jobs in flight
   * (every quarter of it), so only a crashed worker's jobs run out: they are taken again this long
   * after the crash at most.
   */
  leaseMs: number;
  /** One provider request gives up after this (a network error, retried); shorter than the lease. */
  sendTimeoutMs: number;
  /** Retry schedule: the first retry waits backoffBaseMs, doubling up to backoffMaxMs, ±20%. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** After this many attempts a retryable failure becomes "dead". */
  maxAttempts: number;
}

/** Built-in defaults; EMAIL_* variables override them (timingFromEnv), tests pass their own. */
export const defaultTiming: WorkerTiming = {
  pollMs: 5_000,
  leaseMs: 20_000,
  sendTimeoutMs: 10_000,
  backoffBaseMs: 15_000,
  backoffMaxMs: 3_600_000,
  maxAttempts: 8,
};

/** The timing configured through the environment (README: EMAIL_MAX_ATTEMPTS and the others). */
function timingFromEnv(config: Env = env()): WorkerTiming {
  return {
    ...defaultTiming,
    leaseMs: config.EMAIL_LEASE_SECONDS * 1000,
    sendTimeoutMs: config.EMAIL_SEND_TIMEOUT_SECONDS * 1000,
    backoffBaseMs: config.EMAIL_RETRY_BASE_SECONDS * 1000,
    backoffMaxMs: config.EMAIL_RETRY_MAX_SECONDS * 1000,
    maxAttempts: config.EMAIL_MAX_ATTEMPTS,
  };
}

interface WorkerOptions {
  transport?: EmailTransport;
  timing?: Partial<WorkerTiming>;
  /** Most jobs in flight at once; a free slot is filled at once, without waiting for the others. */
  concurrency?: number;
  /**
   * Jobs sent per provider request when the transport sends batches (Resend): up to 100, default
   * EMAIL_BATCH_SIZE; 1 sends one request per job. Two batches are in flight at most.
   */
  batchSize?: number;
  /** LISTEN for wake-ups from other processes (needs DATABASE_URL). */
  listen?: boolean;
  log?: (message: string) => void;
}

export interface EmailWorker {
  start(): Promise<void>;
  /** Stops taking jobs and waits for the ones in flight. */
  stop(): Promise<void>;
  /** Processes due jobs until none is left; returns how many were handled. */
  drain(): Promise<number>;
  wake(): void;
}

const now = () => new Date();

/** A claimed job, and what an earlier owner whose lease ran out may have done with it. */
export interface ClaimedJob extends EmailJob {
  /** Its lease had run out: the earlier owner may have sent it (alone under its id, or in `sendKey`'s batch). */
  takenOver: boolean;
  /** The key of the batch request the earlier owner sent it in. */
  sendKey: string | null;
}

/**
 * Claims up to `limit` due jobs (queued and due, or sending with an expired lease). A job taken
 * over after a crash comes with the other jobs of its earlier batch (same sendKey), even past the
 * limit, so that they go out again together under the same key.
 */
export async function claimDueJobs(limit: number, leaseMs: number): Promise<ClaimedJob[]> {
  // Timestamps are UTC without time zone (as Prisma stores DateTime), so compare against UTC.
  return db.$queryRaw<ClaimedJob[]>(sql`
    WITH due AS (
      SELECT id, status, "sendKey" FROM "EmailDelivery"
      WHERE (status = 'queued' AND "runAt" <= (now() AT TIME ZONE 'UTC'))
         OR (status = 'sending' AND "lockedUntil" < (now() AT TIME ZONE 'UTC'))
      ORDER BY "runAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), partners AS (
      SELECT p.id FROM "EmailDelivery" AS p
      WHERE p.status = 'sending' AND p."lockedUntil" < (now() AT TIME ZONE 'UTC')
        AND p."sendKey" IN (SELECT "sendKey" FROM due WHERE "sendKey" IS NOT NULL)
        AND p.id NOT IN (SELECT id FROM due)
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      SELECT id, status = 'sending' AS "takenOver" FROM due UNION ALL SELECT id, true FROM partners
    )
    UPDATE "EmailDelivery" AS d
    SET status = 'sending', attempts = d.attempts + 1,
        "lockedUntil" = (now() AT TIME ZONE 'UTC') + ${leaseMs}::int * interval '1 millisecond',
        "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM claimed WHERE d.id = claimed.id
    RETURNING d.id, d."eventId", d."notificationId", d."userId", d."toAddress", d.type, d.role, d.secret,
              d.attempts, d."createdAt", claimed."takenOver", d."sendKey"`);
}

/**
 * The claimed jobs as the requests that will carry them, in id order: what an earlier owner may
 * have sent goes as it did (a batch together under its key, any other taken-over job alone under
 * its id), the others in groups of up to `size`.
 */
export function groupJobs(jobs: ClaimedJob[], size: number): ClaimedJob[][] {
  const batches = new Map<string, ClaimedJob[]>();
  const groups: ClaimedJob[][] = [];
  const fresh: ClaimedJob[] = [];
  for (const job of [...jobs].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (job.sendKey) batches.set(job.sendKey, [...(batches.get(job.sendKey) ?? []), job]);
    else if (job.takenOver) groups.push([job]);
    else fresh.push(job);
  }
  groups.push(...batches.values());
  for (let start = 0; start < fresh.length; start += size) groups.push(fresh.slice(start, start + size));
  return groups;
}

/** Stores the key of the batch request about to carry these jobs' emails (for a worker taking them over). */
async function recordSendKey(jobs: EmailJob[], key: string) {
  await query(
    sql`UPDATE "EmailDelivery" AS d SET "sendKey" = ${key}
        FROM unnest(${jobs.map((job) => job.id)}::text[], ${jobs.map((job) => job.attempts)}::int[]) AS mine(id, attempts)
        WHERE d.id = mine.id AND d.attempts = mine.attempts AND d.status = 'sending'`,
  );
}

/**
 * Milliseconds until the next job or digest is due (or a lease runs out); null when none waits.
 * Both tables keep the same status, runAt and lockedUntil columns.
 */
async function msUntilNext(table: "EmailDelivery" | "EmailDigest"): Promise<number | null> {
  const from = raw(`"${table}"`);
  const rows = await db.$queryRaw<{ ms: number | null }[]>(sql`
    SELECT EXTRACT(EPOCH FROM (LEAST(
      (SELECT min("runAt") FROM ${from} WHERE status = 'queued'),
      (SELECT min("lockedUntil") FROM ${from} WHERE status = 'sending')
    ) - (now() AT TIME ZONE 'UTC'))) * 1000 AS ms`);
  const ms = rows[0]?.ms;
  return ms === null || ms === undefined ? null : Math.max(0, Number(ms));
}

/** How long a job waits before its next attempt (`attempt` is the one that just failed). */
export function backoffMs(attempt: number, timing: WorkerTiming, retryAfterMs?: number): number {
  return retryDelayMs(attempt, { baseMs: timing.backoffBaseMs, maxMs: timing.backoffMaxMs }, retryAfterMs);
}

/** Pushes the lease of jobs still in flight forward; jobs taken over meanwhile are left alone. */
async function renewLeases(jobs: Iterable<EmailJob>, leaseMs: number) {
  const list = [...jobs];
  if (list.length === 0) return;
  await query(
    sql`UPDATE "EmailDelivery" AS d
        SET "lockedUntil" = (now() AT TIME ZONE 'UTC') + ${leaseMs}::int * interval '1 millisecond'
        FROM unnest(${list.map((job) => job.id)}::text[], ${list.map((job) => job.attempts)}::int[]) AS mine(id, attempts)
        WHERE d.id = mine.id AND d.attempts = mine.attempts AND d.status = 'sending'`,
  );
}

/** The claim is still ours: same attempt number (nobody re-claimed after our lease ran out). */
const owned = (job: EmailJob) => ({ id: job.id, attempts: job.attempts });

/** The shared client, or a transaction's (a request's jobs marked together). */
type Client = Pick<Prisma.TransactionClient, "emailDelivery" | "emailEvent" | "$executeRaw">;

async function recordAttempt(client: Client, job: EmailJob, detail: string) {
  await client.emailEvent.create({
    data: { deliveryId: job.id, kind: "attempt", detail: `#${job.attempts}: ${detail}`.slice(0, 2000) },
  });
}

async function finishSuppressed(job: EmailJob, reason: string) {
  await db.emailDelivery.updateMany({
    where: { ...owned(job), status: "sending" },
    data: { status: "suppressed", secret: null, lockedUntil: null, sendKey: null, lastError: reason },
  });
  await recordAttempt(db, job, `suppressed: ${reason}`);
  countSendAttempt("email", "suppressed");
}

/** Marks sent emails in two statements, however many (the jobs' rows, then their attempt records). */
async function finishSent(client: Client, sent: { job: EmailJob; subject: string; providerId: string }[]) {
  if (sent.length === 0) return;
  const at = now();
  const rows = sent.map(({ job, subject, providerId }) => ({
    id: job.id,
    attempts: job.attempts,
    subject,
    providerId,
  }));
  // A webhook may already have moved the status on (delivered before our answer was stored):
  // keep that status, but store what we know.
  await client.$executeRaw(sql`
    UPDATE "EmailDelivery" AS d
    SET status = CASE WHEN d.status = 'sending' THEN 'sent' ELSE d.status END,
        "providerId" = r."providerId", "sentAt" = ${at}, subject = r.subject,
        secret = NULL, "lockedUntil" = NULL, "sendKey" = NULL, "lastError" = NULL, "updatedAt" = ${at}
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(id text, attempts int, subject text, "providerId" text)
    WHERE d.id = r.id AND d.attempts = r.attempts AND d.status NOT IN ('queued', 'dead', 'suppressed')`);
  await client.emailEvent.createMany({
    data: sent.map(({ job, providerId }) => ({
      deliveryId: job.id,
      kind: "attempt",
      detail: `#${job.attempts}: sent (${providerId})`.slice(0, 2000),
    })),
  });
  for (let i = 0; i < sent.length; i++) countSendAttempt("email", "sent");
}

async function finishFailed(
  client: Client,
  job: EmailJob,
  subject: string | null,
  error: string,
  retry: { retryable: boolean; retryAfterMs?: number },
  timing: WorkerTiming,
) {
  if (retry.retryable && job.attempts < timing.maxAttempts) {
    const delay = backoffMs(job.attempts, timing, retry.retryAfterMs);
    await client.emailDelivery.updateMany({
      where: { ...owned(job), status: "sending" },
      data: {
        status: "queued",
        runAt: new Date(Date.now() + delay),
        lockedUntil: null,
        sendKey: null,
        lastError: error,
        subject,
      },
    });
    await recordAttempt(client, job, `${error}; retry in ${Math.round(delay / 1000)} s`);
    countSendAttempt("email", "retry");
    return;
  }
  // Final: "failed" when the provider refused the message, "dead" when retries ran out.
  const status = retry.retryable ? "dead" : "failed";
  await client.emailDelivery.updateMany({
    where: { ...owned(job), status: "sending" },
    data: { status, secret: null, lockedUntil: null, sendKey: null, lastError: error, subject },
  });
  await recordAttempt(client, job, `${error}; ${status}`);
  countSendAttempt("email", status);
}

/**
 * Checks and renders claimed jobs, their recipients read once for all of them: each job's email, or
 * null when the job already ended (suppressed, unrenderable).
 */
async function prepareJobs(jobs: EmailJob[], timing: WorkerTiming): Promise<(OutgoingEmail | null)[]> {
  const recipients = await loadRecipients(jobs);
  return Promise.all(
    jobs.map(async (job) => {
      const suppressed = recipients.suppressions.get(job.toAddress.toLowerCase());
      // An unsubscribed address still gets critical types; a bounce or complaint stops everything.
      if (suppressed !== undefined && suppressionApplies(suppressed, job.type))
        return finishSuppressed(job, `address suppressed (${suppressed})`).then(() => null);
      if (job.userId && !recipients.users.get(job.userId)?.active)
        return finishSuppressed(job, "recipient deactivated").then(() => null);
      try {
        return await composeEmail(job, recipients);
      } catch (error) {
        // Never log the data: it may hold the decrypted sensitive fields.
        const message = `render: ${(error as Error).message}`.slice(0, 1000);
        await finishFailed(db, job, null, message, { retryable: !(error instanceof UnsendableError) }, timing);
        return null;
      }
    }),
  );
}

/** Marks each job from its own answer: the sent ones together, the others one by one. */
async function finish(
  client: Client,
  answered: { job: EmailJob; email: OutgoingEmail; result: SendResult }[],
  timing: WorkerTiming,
) {
  const sent = answered.flatMap(({ job, email, result }) =>
    result.ok ? [{ job, subject: email.subject, providerId: result.providerId }] : [],
  );
  await finishSent(client, sent);
  for (const { job, email, result } of answered)
    if (!result.ok) await finishFailed(client, job, email.subject, result.error, result, timing);
}

// Sends are spans of their own traces (a retry hours later is not part of the request), linked to
// the traces of their events.
const traceLinks = async (jobs: EmailJob[]) => {
  preloadEvents(jobs);
  return (await Promise.all(jobs.map((job) => eventTrace(job.eventId)))).flatMap((event) => linkTo(event.traceparent));
};

async function processJob(job: EmailJob, transport: EmailTransport, timing: WorkerTiming) {
  const { eventId } = await eventTrace(job.eventId);
  const attributes = { [EVENT_ID]: eventId, "nc.email_delivery_id": job.id };
  await inSpan(
    "email.send",
    attributes,
    async () => {
      const [email] = await prepareJobs([job], timing);
      if (!email) return;
      await finish(db, [{ job, email, result: await sendEmail(email, transport) }], timing);
    },
    await traceLinks([job]),
  );
}

/** The same jobs always make the same key, so a batch sent again is recognised by the provider. */
export function batchKey(jobIds: string[]): string {
  return `batch_${createHash("sha256")
    .update([...jobIds].sort().join(","))
    .digest("base64url")}`;
}

// A batch whose outcome is unknown (no answer, 5xx) is sent again at once, the same emails under
// the same key, so that the provider answers for what it may already have accepted; regrouped
// later with other jobs, it would carry another key.
const BATCH_RETRIES = [1_000, 3_000];

async function sendBatchOnce(transport: EmailTransport, emails: OutgoingEmail[], key: string): Promise<BatchResult> {
  try {
    return await transport.sendBatch!(emails, key);
  } catch (error) {
    return { ok: false, retryable: true, status: null, error: `transport: ${(error as Error).message}`.slice(0, 1000) };
  }
}

/** Claimed jobs → rendered → one request (up to 100 emails) → each job marked from its own answer. */
async function processBatch(jobs: EmailJob[], transport: EmailTransport, timing: WorkerTiming) {
  const work = () => sendBatchOf(jobs, transport, timing);
  await inSpan("email.send_batch", { "nc.emails": jobs.length }, work, await traceLinks(jobs));
}

async function sendBatchOf(jobs: EmailJob[], transport: EmailTransport, timing: WorkerTiming) {
  const emails = await prepareJobs(jobs, timing);
  const ready = jobs.flatMap((job, index) => (emails[index] ? [{ job, email: emails[index] }] : []));
  if (ready.length === 0) return;
  // A lone email goes as before: its job id is its key.
  if (ready.length === 1 || !transport.sendBatch) {
    const answered = await Promise.all(
      ready.map(async ({ job, email }) => ({ job, email, result: await sendEmail(email, transport) })),
    );
    await finish(db, answered, timing);
    return;
  }
  // In id order: a worker that sends these jobs again after a crash sends the same request.
  ready.sort((a, b) => (a.job.id < b.job.id ? -1 : 1));
  const batch = ready.map((entry) => entry.email);
  const key = batchKey(batch.map((email) => email.id));
  await recordSendKey(
    ready.map((entry) => entry.job),
    key,
  );
  let answer = await sendBatchOnce(transport, batch, key);
  for (const wait of BATCH_RETRIES) {
    if (answer.ok || !answer.retryable) break;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(wait, Math.min(answer.ok ? 0 : (answer.retryAfterMs ?? 0), 5_000))),
    );
    answer = await sendBatchOnce(transport, batch, key);
  }
  const results = answer.ok ? answer.results : ready.map(() => answer as SendResult);
  // All or none: a crash while marking must not leave some of the request's jobs to be sent again alone.
  const answered = ready.map((entry, index) => ({ ...entry, result: results[index]! }));
  await db.$transaction((tx) => finish(tx, answered, timing), { timeout: 30_000 });
}

/** Claimed digests → bound and rendered (lib/email/digest.ts) → sent one per request → each marked. */
async function processDigests(digests: DigestJob[], transport: EmailTransport, timing: WorkerTiming) {
  const prepared = await inTurn(digests, DIGEST_DB_CONCURRENCY, async (digest) => {
    try {
      return { digest, email: await prepareDigest(digest) };
    } catch (error) {
      const message = `render: ${(error as Error).message}`.slice(0, 1000);
      await finishDigestWith(
        digest,
        null,
        {
          ok: false,
          retryable: !(error instanceof UnsendableError),
          status: null,
          error: message,
        },
        timing,
      );
      return { digest, email: null };
    }
  });
  const ready = prepared.filter((entry): entry is { digest: DigestJob; email: OutgoingEmail } => entry.email !== null);
  // One request per digest, under the digest's id as idempotency key (never a batch's key): a digest
  // sent again after a crash carries the same key, so the provider accepts it once.
  await inTurn(ready, DIGEST_SENDS_IN_FLIGHT, async ({ digest, email }) =>
    finishDigestWith(digest, email.subject, await sendEmail(email, transport), timing),
  );
}

async function finishDigestWith(digest: DigestJob, subject: string | null, result: SendResult, timing: WorkerTiming) {
  const outcome = await finishDigest(digest, subject, result, {
    maxAttempts: timing.maxAttempts,
    backoff: (attempt, retryAfterMs) => backoffMs(attempt, timing, retryAfterMs),
  });
  countSendAttempt("email", outcome);
}

// Digests are prepared (bound, rendered) a few at a time, and sent ten at a time.
const DIGEST_DB_CONCURRENCY = 4;
const DIGEST_SENDS_IN_FLIGHT = 10;

/** Runs `work` over `items`, at most `limit` at a time; results in order. */
async function inTurn<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

// The sweep for jobs that missed their digest (lib/email/digest.ts) runs at most this often per worker.
const SWEEP_EVERY_MS = 10_000;

export function createEmailWorker(options: WorkerOptions = {}): EmailWorker {
  const timing: WorkerTiming = { ...timingFromEnv(), ...options.timing };
  const concurrency = options.concurrency ?? 10;
  const batchSize = Math.min(MAX_BATCH, Math.max(1, options.batchSize ?? env().EMAIL_BATCH_SIZE));
  const log = options.log ?? ((message: string) => console.log(`[email] ${message}`));
  let transport: EmailTransport | undefined = options.transport;
  // Jobs in flight (in any drain), whose leases the renewal timer keeps alive.
  const inFlight = new Set<EmailJob>();
  const inFlightDigests = new Set<DigestJob>();
  let renewal: NodeJS.Timeout | undefined;
  let sweptAt = 0;
  // New work announced while a drain runs: a drain waiting for a slot looks at the queue again.
  let nudged = false;
  let nudge: (() => void) | undefined;

  function track(job: EmailJob, work: Promise<void>): Promise<void> {
    inFlight.add(job);
    return tracked(work, () => inFlight.delete(job));
  }

  function trackDigests(digests: DigestJob[], work: Promise<void>): Promise<void> {
    for (const digest of digests) inFlightDigests.add(digest);
    return tracked(work, () => digests.forEach((digest) => inFlightDigests.delete(digest)));
  }

  function tracked(work: Promise<void>, done: () => void): Promise<void> {
    renewal ??= setInterval(() => {
      renewLeases(inFlight, timing.leaseMs).catch((error: Error) => log(`lease renewal failed: ${error.message}`));
      renewDigestLeases([...inFlightDigests], timing.leaseMs).catch((error: Error) =>
        log(`digest lease renewal failed: ${error.message}`),
      );
    }, timing.leaseMs / 4);
    return work
      .catch((error: Error) => {
        // A database hiccup mid-job: the lease runs out and the job is taken again.
        log(`job failed unexpectedly: ${error.message}`);
      })
      .finally(() => {
        done();
        if (inFlight.size === 0 && inFlightDigests.size === 0) {
          clearInterval(renewal);
          renewal = undefined;
        }
      });
  }

  async function drain(): Promise<number> {
    const send = (transport ??= defaultTransport({ timeoutMs: timing.sendTimeoutMs }));
    // Batching: a slot is a batch of up to batchSize jobs (two in flight), else a slot is a job.
    const batching = batchSize > 1 && Boolean(send.sendBatch);
    const perSlot = batching ? batchSize : 1;
    const slots = batching ? 2 : concurrency;
    let handled = 0;
    const running = new Set<Promise<void>>();
    if (Date.now() - sweptAt >= SWEEP_EVERY_MS) {
      sweptAt = Date.now();
      const moved = await sweepLateJobs();
      if (moved) log(`${moved} held email(s) missed their digest: moved to one due now`);
    }
    try {
      let queueEmpty = false;
      while (!loop.stopping) {
        let free = slots - running.size;
        if (free > 0 && (!queueEmpty || nudged)) {
          nudged = false;
          // While the API's event loop is busy, the next claim waits (lib/queue/foreground.ts).
          await giveWayToForeground("email", () => loop.stopping);
          // Digests first (each slot a group of up to perSlot), then single jobs.
          const wantedDigests = free * perSlot;
          const digests = await claimDueDigests(wantedDigests, timing.leaseMs);
          handled += digests.length;
          for (let start = 0; start < digests.length; start += perSlot) {
            const group = digests.slice(start, start + perSlot);
            const work: Promise<void> = trackDigests(group, processDigests(group, send, timing)).finally(() =>
              running.delete(work),
            );
            running.add(work);
          }
          free = slots - running.size;
          const wanted = free * perSlot;
          const jobs = wanted > 0 ? await claimDueJobs(wanted, timing.leaseMs) : [];
          queueEmpty = digests.length < wantedDigests && jobs.length < wanted;
          handled += jobs.length;
          for (const group of groupJobs(jobs, perSlot)) {
            const sending =
              group.length === 1 ? processJob(group[0]!, send, timing) : processBatch(group, send, timing);
            const work: Promise<void> = Promise.all(group.map((job) => track(job, sending)))
              .then(() => {})
              .finally(() => running.delete(work));
            running.add(work);
          }
          continue;
        }
        if (running.size === 0) break;
        // Wait for a free slot, or for new jobs (a wake-up) when the queue looked empty.
        await Promise.race([...running, new Promise<void>((resolve) => (nudge = resolve))]);
        nudge = undefined;
        queueEmpty = false;
      }
    } finally {
      // Never leave jobs running unobserved: stop() and the next drain rely on this.
      await Promise.all(running);
    }
    return handled;
  }

  const loop = createQueueLoop({
    signal: emailWake,
    name: "email wake-ups",
    drain,
    msUntilNext: async () => {
      const [next, nextDigest] = await Promise.all([msUntilNext("EmailDelivery"), msUntilNext("EmailDigest")]);
      return next === null ? nextDigest : nextDigest === null ? next : Math.min(next, nextDigest);
    },
    pollMs: timing.pollMs,
    listen: options.listen,
    // A drain waiting for a free slot looks at the queue again.
    interrupt: () => {
      nudged = true;
      nudge?.();
    },
    log,
  });

  return {
    wake: loop.wake,
    drain,
    async start() {
      transport ??= defaultTransport({ timeoutMs: timing.sendTimeoutMs });
      log(
        transport.name === "resend"
          ? "worker started: sending through Resend"
          : "worker started: no RESEND_API_KEY (or EMAIL_DISABLED), mail is captured at /dev/mailbox",
      );
      await loop.start();
    },
    stop: loop.stop,
  };
}
