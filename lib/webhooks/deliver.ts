// Claiming and attempting webhook messages. Messages are claimed with `FOR UPDATE SKIP LOCKED`
// under a lease (lockedUntil), as EmailDelivery jobs are: concurrent workers never take the same
// message, and a crashed worker's messages are taken again once the lease runs out. `attempts`
// is also the claim token, so a worker whose lease was taken over cannot overwrite the new
// owner's result. At most `perEndpoint` messages of one endpoint are in flight at once (across
// workers), so one slow receiver cannot hold every slot.
import { countSendAttempt } from "@/lib/observability/metrics";
import { EVENT_ID, inSpan, linkTo } from "@/lib/observability/tracing";
import { query, raw, sql, utcTimestamp, type Sql } from "@/lib/db";
import { uuidv7 } from "@/lib/uuid";
import type { AddressPolicy } from "./address-guard";
import { messageBody } from "./body";
import { signingSecrets } from "./endpoints";
import { notifyEndpointDisabled } from "./disabled-notice";
import { sendWebhook, SEND_TIMEOUT_MS, type SendOutcome } from "./send";
import { scheduledDelay } from "./retry-schedule";
import { signMessage } from "./signing";

const SECOND = 1000;
const HOUR = 3600 * SECOND;

export interface WebhookTiming {
  /** Longest sleep between looks at the queue when nothing wakes the worker. */
  pollMs: number;
  /** How long a claim lasts: longer than a whole attempt (timeoutMs), so it never needs renewing. */
  leaseMs: number;
  /** Delay before each retry (routing.md: about 5 s, 1 min, 10 min, 1 h, 6 h, 24 h, with jitter). */
  schedule: number[];
  timeoutMs: number;
  /** An endpoint whose every attempt failed for this long is disabled. */
  failureWindowMs: number;
  /** Messages of one endpoint in flight at once. */
  perEndpoint: number;
}

export const defaultWebhookTiming: WebhookTiming = {
  pollMs: 5 * SECOND,
  leaseMs: 60 * SECOND,
  schedule: [5 * SECOND, 60 * SECOND, 600 * SECOND, HOUR, 6 * HOUR, 24 * HOUR],
  timeoutMs: SEND_TIMEOUT_MS,
  failureWindowMs: 72 * HOUR,
  perEndpoint: 4,
};

export interface DeliverContext {
  timing: WebhookTiming;
  policy: AddressPolicy;
  /** The scheduling clock (retries, leases, the failure window); injectable for tests. */
  clock: () => Date;
}

export interface ClaimedMessage {
  id: string;
  endpointId: string;
  attempts: number;
  attemptBase: number;
  type: string;
  data: unknown;
  eventId: string | null;
  createdAtMs: number;
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAtMs: number | null;
  externalId: string | null;
  eventOrganizationId: string | null;
  occurredAtMs: number | null;
  actorId: string | null;
  eventData: unknown;
  /** The event's trace, when it was traced: the attempt's span links to it. */
  traceparent: string | null;
}

const ms = (column: string, alias: string) => raw(`(EXTRACT(EPOCH FROM ${column}) * 1000)::float8 AS "${alias}"`);

// A claimed message with what sending it needs: its endpoint and its event.
const withEndpointAndEvent = (messages: Sql) => sql`
SELECT m.id, m."endpointId", m.attempts, m."attemptBase", m.type, m.data, m."eventId", ${ms(`m."createdAt"`, "createdAtMs")},
       e.url, e.secret, e."previousSecret", ${ms(`e."previousSecretExpiresAt"`, "previousSecretExpiresAtMs")},
       ev."externalId", ev."organizationId" AS "eventOrganizationId", ${ms(`ev."occurredAt"`, "occurredAtMs")},
       ev."actorId", ev.data AS "eventData", ev.traceparent
FROM ${messages} m
JOIN "WebhookEndpoint" e ON e.id = m."endpointId"
LEFT JOIN "Event" ev ON ev.id = m."eventId"`;

// The claim costs what is in flight, not what is waiting: with a backlog of thousands, a claim
// that read every due message to find their endpoints (and sorted an endpoint's due messages to
// take its oldest) cost Postgres more than the sends. Partial indexes on (endpointId, runAt) of
// pending messages and (endpointId, lockedUntil) of sending ones (migration webhook_claim_indexes)
// make each step an index descent:
// - endpoints with a due pending message: a loose index scan, one descent per endpoint that has
//   pending messages (an endpoint's first entry is its earliest runAt), whatever their number;
// - endpoints with a lease run out: among the sending messages (at most what is in flight);
// - per enabled endpoint, its sending messages under lease, then its oldest lease run out, then
//   its oldest due pending messages, up to `perEndpoint` in all: one endpoint's backlog never
//   takes another's turn.
const dueEndpoints = (now: string) => sql`
pending_endpoints AS (
  (SELECT "endpointId" AS id, "runAt" FROM "WebhookMessage" WHERE status = 'pending'
   ORDER BY "endpointId", "runAt" LIMIT 1)
  UNION ALL
  SELECT next.id, next."runAt" FROM pending_endpoints p
  CROSS JOIN LATERAL (
    SELECT "endpointId" AS id, "runAt" FROM "WebhookMessage"
    WHERE status = 'pending' AND "endpointId" > p.id
    ORDER BY "endpointId", "runAt" LIMIT 1
  ) next
), due_endpoints AS (
  SELECT id FROM pending_endpoints WHERE "runAt" <= ${now}::timestamp
  UNION
  SELECT "endpointId" FROM "WebhookMessage" WHERE status = 'sending' AND "lockedUntil" < ${now}::timestamp
)`;

/** How many messages of endpoint `id` are under a lease now, leaving out those `leftOut` holds for (alias b). */
const busy = (now: string, id: Sql, leftOut: Sql) => sql`(
  SELECT count(*)::int FROM "WebhookMessage" b
  WHERE b."endpointId" = ${id} AND b.status = 'sending' AND b."lockedUntil" >= ${now}::timestamp AND NOT ${leftOut})`;

/**
 * The CTEs that claim, for each row (id, n) of a CTE `free` written before them, up to n due
 * messages of endpoint id (leases run out first, then the oldest pending), `limit` in all, the
 * oldest first, into `claimed`. Messages that `excluded` holds for (alias m) are not taken.
 */
const claimFromFree = (now: string, limit: number, leaseMs: number, excluded: Sql) => sql`
taken_over AS (
  SELECT f.id AS "endpointId", c.id, c."runAt"
  FROM free f
  CROSS JOIN LATERAL (
    SELECT m.id, m."runAt" FROM "WebhookMessage" m
    WHERE m."endpointId" = f.id AND m.status = 'sending' AND m."lockedUntil" < ${now}::timestamp AND NOT ${excluded}
    ORDER BY m."lockedUntil"
    LIMIT f.n
    FOR UPDATE OF m SKIP LOCKED
  ) c
), pending AS (
  SELECT c.id, c."runAt"
  FROM free f
  CROSS JOIN LATERAL (
    SELECT m.id, m."runAt" FROM "WebhookMessage" m
    WHERE m."endpointId" = f.id AND m.status = 'pending' AND m."runAt" <= ${now}::timestamp
    ORDER BY m."runAt"
    LIMIT GREATEST(f.n - (SELECT count(*)::int FROM taken_over t WHERE t."endpointId" = f.id), 0)
    FOR UPDATE OF m SKIP LOCKED
  ) c
), chosen AS (
  SELECT id FROM (SELECT id, "runAt" FROM taken_over UNION ALL SELECT id, "runAt" FROM pending) c
  ORDER BY "runAt" LIMIT ${limit}::int
), claimed AS (
  UPDATE "WebhookMessage" m
  SET status = 'sending', attempts = m.attempts + 1,
      "lockedUntil" = ${now}::timestamp + ${leaseMs}::int * interval '1 millisecond', "updatedAt" = ${now}::timestamp
  FROM chosen WHERE m.id = chosen.id
  RETURNING m.*
)`;

function claimSql(now: string, limit: number, perEndpoint: number, leaseMs: number) {
  return sql`
WITH RECURSIVE ${dueEndpoints(now)}, free AS (
  SELECT e.id, GREATEST(${perEndpoint}::int - ${busy(now, sql`e.id`, sql`false`)}, 0) AS n
  FROM due_endpoints d JOIN "WebhookEndpoint" e ON e.id = d.id AND e.enabled
), ${claimFromFree(now, limit, leaseMs, sql`false`)}
${withEndpointAndEvent(sql`claimed`)}`;
}

/** Claims up to `limit` due messages of enabled endpoints, with what sending them needs (one statement). */
export function claimDueMessages(limit: number, context: DeliverContext): Promise<ClaimedMessage[]> {
  return query<ClaimedMessage>(
    claimSql(utcTimestamp(context.clock()), limit, context.timing.perEndpoint, context.timing.leaseMs),
    "webhook_claim",
  );
}

export function loadClaimed(ids: string[]): Promise<ClaimedMessage[]> {
  return query<ClaimedMessage>(
    withEndpointAndEvent(sql`(SELECT * FROM "WebhookMessage" WHERE id = ANY(${ids}::text[]))`),
    "webhook_load",
  );
}

/** Milliseconds until the next message is due (or a lease runs out); null when nothing waits. */
export async function msUntilNextMessage(now: Date): Promise<number | null> {
  const rows = await query<{ ms: number | null }>(
    sql`SELECT (EXTRACT(EPOCH FROM (LEAST(
          (SELECT min(m."runAt") FROM "WebhookMessage" m JOIN "WebhookEndpoint" e ON e.id = m."endpointId" AND e.enabled
           WHERE m.status = 'pending'),
          (SELECT min("lockedUntil") FROM "WebhookMessage" WHERE status = 'sending')
        ) - ${utcTimestamp(now)}::timestamp)) * 1000)::float8 AS ms`,
  );
  const value = rows[0]?.ms;
  return value === null || value === undefined ? null : Math.max(0, value);
}

export interface AttemptView {
  at: string;
  httpStatus: number | null;
  durationMs: number;
  error?: string;
  responseExcerpt?: string;
}

// Delivered attempts are recorded together: with receivers that answer at once, a statement per
// message was most of the worker's cost. The attempts that end in the same turn of the event loop
// share one statement (no added wait); a failure stays a statement of its own (below).
//
// The worker's attempts also claim their successors in that statement: a delivered message frees
// its endpoint's slot, and the endpoint's next due message takes it in the same round trip (a
// claim after each recording was half of the worker's waits on Postgres). The free slots are
// counted as the claim counts them: the endpoint's messages under lease, less those this very
// statement records as delivered (only those: two recordings at once never hand out one slot twice).
//
// This statement commits without waiting for the WAL flush (synchronous_commit off for its own
// transaction only): each slot waits for it between two sends, and the flush was a large part of
// that wait on a busy machine. Nothing can be lost but the statement's own effects, and only if
// Postgres itself crashes in the next few hundred milliseconds (not the app): the message is then
// under its old lease again and is sent once more with the same webhook-id (as after a worker
// crash; receivers dedupe by it), and its successor is pending again. Messages themselves are
// stored with a normal commit at ingest, so none is ever lost.
interface Delivered {
  message: ClaimedMessage;
  outcome: SendOutcome;
  at: string;
  next: boolean;
  settle: (next: ClaimedMessage | null, error?: unknown) => void;
}
// By context: one statement claims with one clock, lease and per-endpoint limit.
const delivered = new Map<DeliverContext, Delivered[]>();

function recordDelivered(
  message: ClaimedMessage,
  outcome: SendOutcome,
  at: string,
  context: DeliverContext,
  next: boolean,
): Promise<ClaimedMessage | null> {
  return new Promise((resolve, reject) => {
    if (delivered.size === 0) setImmediate(flushDelivered);
    let batch = delivered.get(context);
    if (!batch) delivered.set(context, (batch = []));
    batch.push({ message, outcome, at, next, settle: (claimed, error) => (error ? reject(error) : resolve(claimed)) });
  });
}

function flushDelivered() {
  const batches = [...delivered];
  delivered.clear();
  for (const [context, batch] of batches) void flushBatch(batch, context);
}

async function flushBatch(batch: Delivered[], context: DeliverContext) {
  const rows = batch.map(({ message, outcome, at, next }) => ({
    attemptId: uuidv7(),
    messageId: message.id,
    endpointId: message.endpointId,
    attempts: message.attempts,
    at,
    httpStatus: outcome.httpStatus,
    durationMs: outcome.durationMs,
    responseExcerpt: outcome.responseExcerpt ?? null,
    next,
  }));
  const wanted = rows.filter((row) => row.next).length;
  const now = utcTimestamp(context.clock());
  const { perEndpoint, leaseMs } = context.timing;
  const recordedHere = sql`EXISTS (SELECT 1 FROM r WHERE r."messageId" = b.id AND r.attempts = b.attempts)`;
  try {
    const claimed = await query<ClaimedMessage>(
      sql`
      WITH RECURSIVE r AS (
        SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(
          "attemptId" text, "messageId" text, "endpointId" text, attempts int, at timestamp,
          "httpStatus" int, "durationMs" int, "responseExcerpt" text, next boolean)
        WHERE (SELECT set_config('synchronous_commit', 'off', true)) IS NOT NULL
      ), attempt AS (
        INSERT INTO "WebhookAttempt" (id, "messageId", at, "httpStatus", "durationMs", "responseExcerpt")
        SELECT r."attemptId", r."messageId", r.at, r."httpStatus", r."durationMs", r."responseExcerpt" FROM r
        WHERE EXISTS (SELECT 1 FROM "WebhookMessage" WHERE id = r."messageId")
      ), message AS (
        UPDATE "WebhookMessage" m
        SET status = 'delivered', "lockedUntil" = NULL, "updatedAt" = r.at, "deliveredAt" = r.at
        FROM r WHERE m.id = r."messageId" AND m.attempts = r.attempts AND m.status = 'sending'
      ), endpoint AS (
        UPDATE "WebhookEndpoint" SET "failingSince" = NULL
        WHERE id IN (SELECT "endpointId" FROM r) AND "failingSince" IS NOT NULL
      ), wanted AS (
        SELECT "endpointId" AS id, count(*)::int AS n FROM r WHERE r.next GROUP BY "endpointId"
      ), free AS (
        SELECT e.id, LEAST(w.n, GREATEST(${perEndpoint}::int - ${busy(now, sql`e.id`, recordedHere)}, 0)) AS n
        FROM wanted w JOIN "WebhookEndpoint" e ON e.id = w.id AND e.enabled
      ), ${claimFromFree(now, wanted, leaseMs, sql`EXISTS (SELECT 1 FROM r WHERE r."messageId" = m.id)`)}
      ${withEndpointAndEvent(sql`claimed`)}`,
      "webhook_record_delivered",
    );
    // Each successor goes to an attempt of its endpoint that asked for one.
    for (const entry of batch) {
      const index = entry.next ? claimed.findIndex((c) => c.endpointId === entry.message.endpointId) : -1;
      entry.settle(index < 0 ? null : claimed.splice(index, 1)[0]!);
    }
  } catch (error) {
    for (const entry of batch) entry.settle(null, error);
  }
}

/** Stores an attempt's outcome: delivered, retried later per the schedule, or failed; may disable the endpoint. */
async function recordOutcome(
  message: ClaimedMessage,
  outcome: SendOutcome,
  context: DeliverContext,
  claimNext: () => boolean,
): Promise<ClaimedMessage | null> {
  const now = context.clock();
  const retry = message.attempts - message.attemptBase; // this was attempt number `retry` of its cycle
  const delay = outcome.ok ? null : scheduledDelay(context.timing.schedule, retry, outcome.retryAfterMs);
  const status = outcome.ok ? "delivered" : delay === null ? "failed" : "pending";
  countSendAttempt("webhook", status === "pending" ? "retry" : status);
  const at = utcTimestamp(now);
  if (outcome.ok) return recordDelivered(message, outcome, at, context, claimNext());
  const runAt = delay === null ? null : utcTimestamp(new Date(now.getTime() + delay));
  await query(
    sql`
    WITH attempt AS (
      INSERT INTO "WebhookAttempt" (id, "messageId", at, "httpStatus", "durationMs", error, "responseExcerpt")
      SELECT ${uuidv7()}, ${message.id}, ${at}::timestamp, ${outcome.httpStatus}::int, ${outcome.durationMs}::int,
             ${outcome.error?.slice(0, 1000) ?? null}, ${outcome.responseExcerpt ?? null}
      WHERE EXISTS (SELECT 1 FROM "WebhookMessage" WHERE id = ${message.id})
    ), message AS (
      UPDATE "WebhookMessage"
      SET status = ${status}, "runAt" = COALESCE(${runAt}::timestamp, "runAt"), "lockedUntil" = NULL,
          "updatedAt" = ${at}::timestamp
      WHERE id = ${message.id} AND attempts = ${message.attempts}::int AND status = 'sending'
    )
    UPDATE "WebhookEndpoint" SET "failingSince" = ${at}::timestamp
    WHERE id = ${message.endpointId} AND "failingSince" IS NULL`,
    "webhook_record_failure",
  );
  const disabled = await query<{ id: string; organizationId: string; url: string; description: string }>(
    sql`UPDATE "WebhookEndpoint" SET enabled = false, "disabledReason" = 'failing', "updatedAt" = ${at}::timestamp
        WHERE id = ${message.endpointId} AND enabled
          AND "failingSince" <= ${at}::timestamp - ${context.timing.failureWindowMs}::int * interval '1 millisecond'
        RETURNING id, "organizationId", url, description`,
  );
  if (disabled[0]) await notifyEndpointDisabled(disabled[0], now);
  return null;
}

/** Signs and sends one claimed message, then records the attempt. Never throws for a receiver's failure. */
export async function attemptMessage(message: ClaimedMessage, context: DeliverContext): Promise<AttemptView> {
  return (await traced(message, context, () => false)).view;
}

/**
 * The worker's attempt: as attemptMessage, and when the message is delivered, the recording also
 * claims the endpoint's next due message into the slot it frees; that message is returned, to be
 * sent next (null when there is none, or the attempt failed).
 */
export async function attemptAndClaimNext(
  message: ClaimedMessage,
  context: DeliverContext,
  claimNext: () => boolean,
): Promise<ClaimedMessage | null> {
  return (await traced(message, context, claimNext)).next;
}

function traced(message: ClaimedMessage, context: DeliverContext, claimNext: () => boolean) {
  // A span of its own trace, linked to the event's: a retry hours later is not part of the request.
  const attributes = { [EVENT_ID]: message.externalId ?? "", "nc.webhook_message_id": message.id };
  return inSpan("webhook.send", attributes, () => attempt(message, context, claimNext), linkTo(message.traceparent));
}

async function attempt(
  message: ClaimedMessage,
  context: DeliverContext,
  claimNext: () => boolean,
): Promise<{ view: AttemptView; next: ClaimedMessage | null }> {
  const at = context.clock();
  let outcome: SendOutcome;
  try {
    const body = messageBody(
      { type: message.type, createdAt: new Date(message.createdAtMs), data: message.data },
      message.externalId
        ? {
            externalId: message.externalId,
            organizationId: message.eventOrganizationId!,
            occurredAt: new Date(message.occurredAtMs!),
            actorId: message.actorId,
            data: message.eventData,
          }
        : null,
    );
    const secrets = signingSecrets(
      {
        secret: message.secret,
        previousSecret: message.previousSecret,
        previousSecretExpiresAt:
          message.previousSecretExpiresAtMs === null ? null : new Date(message.previousSecretExpiresAtMs),
      },
      at,
    );
    // The signature's timestamp is the real time of sending: receivers check it against their clock.
    const headers = signMessage(secrets, message.id, new Date(), body);
    outcome = await sendWebhook({
      url: message.url,
      headers,
      body,
      policy: context.policy,
      timeoutMs: context.timing.timeoutMs,
    });
  } catch (error) {
    outcome = { ok: false, httpStatus: null, durationMs: 0, error: `internal error: ${(error as Error).message}` };
  }
  const next = await recordOutcome(message, outcome, context, claimNext);
  const view: AttemptView = {
    at: at.toISOString(),
    httpStatus: outcome.httpStatus,
    durationMs: outcome.durationMs,
    ...(outcome.error ? { error: outcome.error } : {}),
    ...(outcome.responseExcerpt ? { responseExcerpt: outcome.responseExcerpt } : {}),
  };
  return { view, next };
}
