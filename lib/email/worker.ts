// The email worker: drains EmailDelivery jobs from Postgres. Jobs are claimed with
// `FOR UPDATE SKIP LOCKED` under a lease (lockedUntil), so concurrent workers never take the same
// job and a crashed worker's jobs are taken again once the lease runs out. Each claim increments
// `attempts`, which doubles as the claim token: a worker whose lease was taken over cannot
// overwrite the new owner's result. The job id is Resend's idempotency key, so a job re-sent
// after a crash is still delivered once.
import pg from "pg";
import { db } from "@/lib/db";
import { composeEmail, UnsendableError, type EmailJob } from "./compose";
import { EMAIL_WAKE_CHANNEL, onEmailWake } from "./queue";
import { defaultTransport, sendEmail, type EmailTransport, type SendResult } from "./transport";

export interface WorkerTiming {
  /** Longest sleep between looks at the queue when nothing wakes the worker. */
  pollMs: number;
  /** How long a claimed job stays reserved; a job still "sending" after that is taken again. */
  leaseMs: number;
  /** First retry delay; doubles per attempt up to backoffMaxMs (Retry-After wins when longer). */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** After this many attempts a retryable failure becomes "dead". */
  maxAttempts: number;
}

export const defaultTiming: WorkerTiming = {
  pollMs: 5_000,
  leaseMs: 120_000,
  backoffBaseMs: 15_000,
  backoffMaxMs: 3_600_000,
  maxAttempts: 8,
};

export interface WorkerOptions {
  transport?: EmailTransport;
  timing?: Partial<WorkerTiming>;
  /** Jobs claimed (and sent in parallel) per round. */
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

/** Claims up to `limit` due jobs (queued and due, or sending with an expired lease). */
export async function claimDueJobs(limit: number, leaseMs: number): Promise<EmailJob[]> {
  // Timestamps are UTC without time zone (as Prisma stores DateTime), so compare against UTC.
  return db.$queryRaw<EmailJob[]>`
    WITH due AS (
      SELECT id FROM "EmailDelivery"
      WHERE (status = 'queued' AND "runAt" <= (now() AT TIME ZONE 'UTC'))
         OR (status = 'sending' AND "lockedUntil" < (now() AT TIME ZONE 'UTC'))
      ORDER BY "runAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "EmailDelivery" AS d
    SET status = 'sending', attempts = d.attempts + 1,
        "lockedUntil" = (now() AT TIME ZONE 'UTC') + ${leaseMs}::int * interval '1 millisecond',
        "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM due WHERE d.id = due.id
    RETURNING d.id, d."eventId", d."notificationId", d."userId", d."toAddress", d.type, d.role, d.secret, d.attempts`;
}

/** Milliseconds until the next job is due (or a lease runs out); null when the queue is empty. */
async function msUntilNextJob(): Promise<number | null> {
  const rows = await db.$queryRaw<{ ms: number | null }[]>`
    SELECT EXTRACT(EPOCH FROM (LEAST(
      (SELECT min("runAt") FROM "EmailDelivery" WHERE status = 'queued'),
      (SELECT min("lockedUntil") FROM "EmailDelivery" WHERE status = 'sending')
    ) - (now() AT TIME ZONE 'UTC'))) * 1000 AS ms`;
  const ms = rows[0]?.ms;
  return ms === null || ms === undefined ? null : Math.max(0, Number(ms));
}

export function backoffMs(attempt: number, timing: WorkerTiming, retryAfterMs?: number): number {
  const exponential = Math.min(timing.backoffMaxMs, timing.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  // ±10% jitter so jobs that failed together do not retry in lockstep.
  const jittered = exponential * (0.9 + Math.random() * 0.2);
  return Math.round(Math.max(jittered, Math.min(retryAfterMs ?? 0, timing.backoffMaxMs)));
}

/** The claim is still ours: same attempt number (nobody re-claimed after our lease ran out). */
const owned = (job: EmailJob) => ({ id: job.id, attempts: job.attempts });

async function recordAttempt(job: EmailJob, detail: string) {
  await db.emailEvent.create({
    data: { deliveryId: job.id, kind: "attempt", detail: `#${job.attempts}: ${detail}`.slice(0, 2000) },
  });
}

async function finishSuppressed(job: EmailJob, reason: string) {
  await db.emailDelivery.updateMany({
    where: { ...owned(job), status: "sending" },
    data: { status: "suppressed", secret: null, lockedUntil: null, lastError: reason },
  });
  await recordAttempt(job, `suppressed: ${reason}`);
}

async function finishSent(job: EmailJob, subject: string, result: Extract<SendResult, { ok: true }>) {
  const at = now();
  // A webhook may already have moved the status on (delivered before our answer was stored):
  // keep that status, but store what we know.
  await db.$executeRaw`
    UPDATE "EmailDelivery"
    SET status = CASE WHEN status = 'sending' THEN 'sent' ELSE status END,
        "providerId" = ${result.providerId}, "sentAt" = ${at}, subject = ${subject},
        secret = NULL, "lockedUntil" = NULL, "lastError" = NULL, "updatedAt" = ${at}
    WHERE id = ${job.id} AND attempts = ${job.attempts} AND status NOT IN ('queued', 'dead', 'suppressed')`;
  await recordAttempt(job, `sent (${result.providerId})`);
}

async function finishFailed(
  job: EmailJob,
  subject: string | null,
  error: string,
  retry: { retryable: boolean; retryAfterMs?: number },
  timing: WorkerTiming,
) {
  if (retry.retryable && job.attempts < timing.maxAttempts) {
    const delay = backoffMs(job.attempts, timing, retry.retryAfterMs);
    await db.emailDelivery.updateMany({
      where: { ...owned(job), status: "sending" },
      data: { status: "queued", runAt: new Date(Date.now() + delay), lockedUntil: null, lastError: error, subject },
    });
    await recordAttempt(job, `${error}; retry in ${Math.round(delay / 1000)} s`);
    return;
  }
  // Final: "failed" when the provider refused the message, "dead" when retries ran out.
  const status = retry.retryable ? "dead" : "failed";
  await db.emailDelivery.updateMany({
    where: { ...owned(job), status: "sending" },
    data: { status, secret: null, lockedUntil: null, lastError: error, subject },
  });
  await recordAttempt(job, `${error}; ${status}`);
}

async function processJob(job: EmailJob, transport: EmailTransport, timing: WorkerTiming) {
  const address = job.toAddress.toLowerCase();
  const [suppression, user] = await Promise.all([
    db.emailSuppression.findUnique({ where: { email: address } }),
    job.userId ? db.user.findUnique({ where: { id: job.userId }, select: { active: true } }) : null,
  ]);
  if (suppression) return finishSuppressed(job, `address suppressed (${suppression.reason})`);
  if (job.userId && !user?.active) return finishSuppressed(job, "recipient deactivated");

  let email;
  try {
    email = await composeEmail(job);
  } catch (error) {
    // Never log the data: it may hold the decrypted sensitive fields.
    const message = `render: ${(error as Error).message}`.slice(0, 1000);
    return finishFailed(job, null, message, { retryable: !(error instanceof UnsendableError) }, timing);
  }
  const result = await sendEmail(email, transport);
  if (result.ok) return finishSent(job, email.subject, result);
  return finishFailed(job, email.subject, result.error, result, timing);
}

export function createEmailWorker(options: WorkerOptions = {}): EmailWorker {
  const timing: WorkerTiming = { ...defaultTiming, ...options.timing };
  const batchSize = options.batchSize ?? 10;
  const log = options.log ?? ((message: string) => console.log(`[email] ${message}`));
  let transport: EmailTransport | undefined = options.transport;
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let loop: Promise<void> | undefined;
  let wakeAgain = false;
  let unsubscribe: (() => void) | undefined;
  let listener: pg.Client | undefined;

  async function drain(): Promise<number> {
    transport ??= defaultTransport();
    let handled = 0;
    while (!stopping) {
      const jobs = await claimDueJobs(batchSize, timing.leaseMs);
      if (jobs.length === 0) break;
      const results = await Promise.allSettled(jobs.map((job) => processJob(job, transport!, timing)));
      for (const result of results) {
        // A database hiccup mid-job: the lease runs out and the job is taken again.
        if (result.status === "rejected") log(`job failed unexpectedly: ${(result.reason as Error).message}`);
      }
      handled += jobs.length;
    }
    return handled;
  }

  async function schedule() {
    clearTimeout(timer);
    if (stopping || !started) return;
    let delay = timing.pollMs;
    try {
      const next = await msUntilNextJob();
      if (next !== null) delay = Math.min(delay, next + 5);
    } catch {
      // keep polling at the normal pace while the database is unreachable
    }
    if (stopping) return;
    timer = setTimeout(wake, delay);
    timer.unref?.();
  }

  function wake() {
    if (stopping || !started) return;
    if (loop) {
      wakeAgain = true;
      return;
    }
    loop = (async () => {
      do {
        wakeAgain = false;
        try {
          await drain();
        } catch (error) {
          log(`queue unavailable: ${(error as Error).message}`);
        }
      } while (wakeAgain && !stopping);
      await schedule();
    })().finally(() => {
      loop = undefined;
    });
  }

  async function listen() {
    const url = process.env.DATABASE_URL;
    if (!url || stopping) return;
    const client = new pg.Client({ connectionString: url });
    client.on("notification", () => wake());
    let lost = false;
    const reconnect = () => {
      if (lost) return;
      lost = true;
      void client.end().catch(() => {});
      if (listener === client) listener = undefined;
      // Reconnect later; polling covers the gap.
      if (!stopping) setTimeout(() => void listen(), timing.pollMs).unref?.();
    };
    client.on("error", reconnect);
    client.on("end", reconnect);
    try {
      await client.connect();
      await client.query(`LISTEN ${EMAIL_WAKE_CHANNEL}`);
      listener = client;
      if (stopping) await client.end();
    } catch {
      reconnect();
    }
  }

  return {
    wake,
    drain,
    async start() {
      if (started) return;
      started = true;
      stopping = false;
      transport ??= defaultTransport();
      log(
        transport.name === "resend"
          ? "worker started: sending through Resend"
          : "worker started: no RESEND_API_KEY (or EMAIL_DISABLED), mail is captured at /dev/mailbox",
      );
      unsubscribe = onEmailWake(wake);
      if (options.listen ?? true) await listen();
      wake();
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      unsubscribe?.();
      await loop;
      clearTimeout(timer);
      await listener?.end().catch(() => {});
      listener = undefined;
      started = false;
    },
  };
}
