// An endpoint's messages as its admins see them (deliveries, newest first, with every attempt),
// a manual retry, and the test message that is sent at once.
import { db, query, sql, utcTimestamp } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defaultPolicy, type AddressPolicy } from "./address-guard";
import { newMessageId, TEST_TYPE } from "./body";
import { attemptMessage, defaultWebhookTiming, loadClaimed, type AttemptView, type WebhookTiming } from "./deliver";
import { webhookWake } from "./queue";

const DELIVERIES_PAGE_SIZE = 20;

interface DeliveryItem {
  id: string;
  /** The platform's event id (as in the body's data.eventId); null for a test message. */
  eventId: string | null;
  type: string;
  status: "pending" | "delivered" | "failed";
  attempts: AttemptView[];
  nextAttemptAt: string | null;
  createdAt: string;
}

const publicStatus = (status: string): DeliveryItem["status"] =>
  status === "delivered" || status === "failed" ? status : "pending";

function encodeCursor(createdAt: Date, id: string) {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) throw new AppError("bad_request", "Invalid cursor");
  return { createdAt, id };
}

export async function listDeliveries(params: {
  endpointId: string;
  cursor?: string | null;
  limit?: number;
}): Promise<{ items: DeliveryItem[]; nextCursor: string | null }> {
  const limit = params.limit ?? DELIVERIES_PAGE_SIZE;
  const after = params.cursor ? decodeCursor(params.cursor) : null;
  const rows = await db.webhookMessage.findMany({
    where: {
      endpointId: params.endpointId,
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    include: { attemptLog: { orderBy: { at: "asc" } } },
  });
  const page = rows.slice(0, limit);
  const eventIds = page.flatMap((row) => (row.eventId ? [row.eventId] : []));
  const events = eventIds.length
    ? await db.event.findMany({ where: { id: { in: eventIds } }, select: { id: true, externalId: true } })
    : [];
  const externalId = new Map(events.map((event) => [event.id, event.externalId]));
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      eventId: row.eventId ? (externalId.get(row.eventId) ?? null) : null,
      type: row.type,
      status: publicStatus(row.status),
      attempts: row.attemptLog.map(toAttemptView),
      nextAttemptAt: row.status === "pending" ? row.runAt.toISOString() : null,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

export function toAttemptView(row: {
  at: Date;
  httpStatus: number | null;
  durationMs: number;
  error: string | null;
  responseExcerpt: string | null;
}): AttemptView {
  return {
    at: row.at.toISOString(),
    httpStatus: row.httpStatus,
    durationMs: row.durationMs,
    ...(row.error ? { error: row.error } : {}),
    ...(row.responseExcerpt ? { responseExcerpt: row.responseExcerpt } : {}),
  };
}

/** Queues a finished message again, with a fresh retry schedule; 409 while it is still pending. */
export async function retryMessage(params: { endpointId: string; messageId: string; now?: Date }) {
  const now = params.now ?? new Date();
  const at = utcTimestamp(now);
  const rows = await query<{ id: string }>(
    sql`UPDATE "WebhookMessage" SET status = 'pending', "runAt" = ${at}::timestamp, "attemptBase" = attempts, "updatedAt" = ${at}::timestamp
        WHERE id = ${params.messageId} AND "endpointId" = ${params.endpointId} AND status IN ('delivered', 'failed') RETURNING id`,
  );
  if (rows.length === 0) {
    const exists = await db.webhookMessage.findFirst({
      where: { id: params.messageId, endpointId: params.endpointId },
      select: { id: true },
    });
    if (!exists) throw new AppError("not_found", "Delivery not found");
    throw new AppError("conflict", "This delivery is still pending: it will be attempted again on its own");
  }
  webhookWake.wake();
}

/**
 * Sends a `webhook.test` message now and returns its attempt. The message is created already
 * claimed (status "sending", attempt 1), so no worker takes it meanwhile; if it fails it is retried
 * on the usual schedule like any message.
 */
export async function sendTestMessage(params: {
  endpoint: { id: string; organizationId: string };
  actor: { id: string; name: string };
  policy?: AddressPolicy;
  timing?: WebhookTiming;
  now?: Date;
}): Promise<{ delivery: { id: string; status: string }; attempt: AttemptView }> {
  const timing = params.timing ?? defaultWebhookTiming;
  const now = params.now ?? new Date();
  // Tests count against the endpoint's concurrency limit too: a button held down cannot flood a receiver.
  const inFlight = await db.webhookMessage.count({
    where: { endpointId: params.endpoint.id, status: "sending", lockedUntil: { gt: now } },
  });
  if (inFlight >= timing.perEndpoint)
    throw new AppError(
      "rate_limited",
      `${inFlight} messages to this endpoint are still waiting for an answer; try again when they finish`,
    );
  const id = newMessageId();
  await db.webhookMessage.create({
    data: {
      id,
      endpointId: params.endpoint.id,
      type: TEST_TYPE,
      data: {
        endpointId: params.endpoint.id,
        organizationId: params.endpoint.organizationId,
        sentBy: { userId: params.actor.id },
        message: "This is a test message from the notification center.",
      },
      status: "sending",
      attempts: 1,
      runAt: now,
      lockedUntil: new Date(now.getTime() + timing.leaseMs),
      createdAt: now,
      updatedAt: now,
    },
  });
  const [claimed] = await loadClaimed([id]);
  const attempt = await attemptMessage(claimed!, {
    timing,
    policy: params.policy ?? defaultPolicy(),
    clock: () => new Date(),
  });
  const stored = await db.webhookMessage.findUnique({ where: { id }, select: { status: true } });
  return { delivery: { id, status: publicStatus(stored?.status ?? "pending") }, attempt };
}
