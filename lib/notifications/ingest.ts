// The ingest pipeline: validate → resolve recipients → apply preferences → store → emit → enqueue.
// Everything an event produces (the event with its delivery trail, its notifications and its
// email jobs) is written by ONE SQL statement, which is also the idempotency check: a second
// event with the same (source, id) inserts nothing and is answered as a duplicate.
import { db, sql, utcTimestamp } from "@/lib/db";
import { env } from "@/lib/env";
import { encryptSecret } from "@/lib/crypto";
import { AppError, validationError, type ErrorDetail } from "@/lib/errors";
import { getType, type NotificationType } from "@/lib/notifications/catalog";
import { eventEnvelopeSchema, MAX_BATCH_EVENTS, type EventEnvelope } from "@/lib/notifications/envelope";
import {
  indexUsers,
  loadAudienceOrgs,
  loadPlannedUsers,
  planAudience,
  resolveAudience,
  type Audience,
  type AudienceOrgs,
  type AudiencePlan,
} from "@/lib/notifications/recipients";
import { getOrgChains } from "@/lib/directory/org-cache";
import { packTrail, type TrailEntry } from "@/lib/notifications/trail";
import { publishNotifications, type Published } from "@/lib/notifications/publish";
import { resolvePreferences, warmPreferenceCaches } from "@/lib/preferences/resolve";
import { wakeEmailWorker } from "@/lib/email/queue";
import { uuidv7 } from "@/lib/uuid";

export interface IngestContext {
  /** "platform" for the API, "console" for test events sent from the console. */
  source: string;
  apiKeyId?: string | null;
}

export interface IngestResult {
  eventId: string;
  status: "accepted" | "duplicate";
  notifications: number;
}

interface PreparedEvent {
  envelope: EventEnvelope;
  id: string;
  storedData: Record<string, unknown>;
  title: string;
  body: string;
  url: string | null;
  category: string;
  critical: boolean;
  actorName: string | null;
  trail: TrailEntry[];
  notifications: { id: string; userId: string; reason: string }[];
  deliveries: {
    id: string;
    notificationId: string | null;
    userId: string | null;
    address: string;
    role: "to" | "cc";
    secret: string | null;
  }[];
}

/** Validates the envelope and its type's data: a 422 with every problem by JSON path. */
export function parseEnvelope(input: unknown) {
  const envelope = eventEnvelopeSchema.safeParse(input);
  if (!envelope.success) throw validationError(envelope.error);
  const definition = getType(envelope.data.type)!;
  const data = definition.schema.safeParse(envelope.data.data);
  if (!data.success) throw validationError(data.error, "data");
  return { envelope: { ...envelope.data, data: data.data as Record<string, unknown> }, definition };
}

function unknownOrganization(organizationId: string) {
  const detail: ErrorDetail = {
    path: "organizationId",
    message: `unknown organization "${organizationId}"; sync it first with PUT /api/v1/organizations/{id}`,
  };
  return new AppError("validation_failed", `Invalid request: ${detail.path} ${detail.message}`, [detail]);
}

const vendorIdOf = (data: Record<string, unknown>) => (typeof data.vendorId === "string" ? data.vendorId : undefined);

interface Planned {
  envelope: EventEnvelope;
  definition: ReturnType<typeof parseEnvelope>["definition"];
  orgs: AudienceOrgs;
  plan: AudiencePlan;
}

/**
 * Prepares a whole batch set-based: organizations from the cache (warmed for every event at
 * once), every recipient of every event with their overrides in ONE query, preferences from
 * warm caches. Invalid events become their AppError.
 */
async function prepareEvents(inputs: unknown[]): Promise<(PreparedEvent | AppError)[]> {
  const parsed = inputs.map((input) => {
    try {
      return parseEnvelope(input);
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
  });
  const valid = parsed.filter((p): p is Exclude<typeof p, AppError> => !(p instanceof AppError));
  await getOrgChains(
    valid.flatMap((p) => [
      p.envelope.organizationId,
      ...(vendorIdOf(p.envelope.data) ? [vendorIdOf(p.envelope.data)!] : []),
    ]),
  );
  const planned = await Promise.all(
    parsed.map(async (p): Promise<Planned | AppError> => {
      if (p instanceof AppError) return p;
      const orgs = await loadAudienceOrgs(db, p.envelope.organizationId, vendorIdOf(p.envelope.data));
      if (!orgs) return unknownOrganization(p.envelope.organizationId);
      return { ...p, orgs, plan: planAudience({ ...p.definition, type: p.envelope.type }, p.envelope, orgs) };
    }),
  );
  const plans = planned.flatMap((p) => (p instanceof AppError ? [] : [p.plan]));
  const users = await loadPlannedUsers(plans);
  await warmPreferenceCaches(users.map((u) => u.organizationId));
  const index = indexUsers(users);
  return Promise.all(
    planned.map((p) =>
      p instanceof AppError ? p : prepareEvent(p, resolveAudience(p.plan, index, p.envelope, p.orgs)),
    ),
  );
}

async function prepareEvent({ envelope, definition }: Planned, audience: Audience): Promise<PreparedEvent> {
  const preferences = await resolvePreferences({
    type: envelope.type as NotificationType,
    users: audience.recipients.map((r) => ({ id: r.user.id, organizationId: r.user.organizationId })),
    overrides: audience.overrides,
  });

  const storedData = { ...envelope.data };
  const secrets: Record<string, unknown> = {};
  for (const field of definition.sensitive) {
    if (field in storedData) secrets[field] = storedData[field];
    delete storedData[field];
  }
  const secret = Object.keys(secrets).length ? encryptSecret(JSON.stringify(secrets)) : null;
  const content = definition.render(envelope.data as never);

  const prepared: PreparedEvent = {
    envelope,
    id: uuidv7(),
    storedData,
    title: content.title,
    body: content.body,
    url: content.path ? `${env().PORTAL_BASE_URL.replace(/\/$/, "")}${content.path}` : null,
    category: definition.category,
    critical: definition.critical,
    actorName: audience.actorName,
    trail: [],
    notifications: [],
    deliveries: [],
  };

  for (const recipient of audience.recipients) {
    const decided = preferences.get(recipient.user.id)!;
    const entry: TrailEntry = {
      userId: recipient.user.id,
      name: recipient.user.name,
      address: recipient.user.email,
      role: recipient.role,
      via: recipient.via,
    };
    let notificationId: string | null = null;
    if (decided.in_app.enabled) {
      notificationId = uuidv7();
      prepared.notifications.push({ id: notificationId, userId: recipient.user.id, reason: recipient.reason });
      entry.inApp = { decision: "created", notificationId, preference: decided.in_app };
    } else {
      entry.inApp = { decision: "suppressed", preference: decided.in_app };
    }
    if (decided.email.enabled) {
      const deliveryId = uuidv7();
      // Sensitive fields go only to the catalog's `to` recipients, encrypted while the job waits.
      const ownSecret = recipient.role === "to" ? secret : null;
      prepared.deliveries.push({
        id: deliveryId,
        notificationId,
        userId: recipient.user.id,
        address: recipient.user.email,
        role: recipient.role,
        secret: ownSecret,
      });
      entry.email = { decision: "queued", deliveryId, preference: decided.email };
    } else {
      entry.email = { decision: "suppressed", preference: decided.email };
    }
    prepared.trail.push(entry);
  }
  for (const skipped of audience.skipped) {
    prepared.trail.push({
      userId: skipped.userId,
      name: skipped.user?.name,
      address: skipped.user?.email ?? null,
      role: "to",
      via: skipped.via,
      skipped: skipped.skipped,
    });
  }
  for (const address of audience.extraEmails) {
    const deliveryId = uuidv7();
    prepared.deliveries.push({ id: deliveryId, notificationId: null, userId: null, address, role: "to", secret: null });
    prepared.trail.push({ address, role: "to", via: ["explicit_email"], email: { decision: "queued", deliveryId } });
  }
  return prepared;
}

const INSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::boolean[], $15::text[], $16::int[])
    AS e(id, external_id, type, organization_id, actor_id, occurred_at, data, trail, title, body, url, category, actor_name, critical, api_key_id, notification_count)
), event AS (
  INSERT INTO "Event" (id, source, "externalId", type, "organizationId", "actorId", "occurredAt", "receivedAt", "apiKeyId", data, trail, "notificationCount")
  SELECT id, $17, external_id, type, organization_id, actor_id, (occurred_at::timestamptz AT TIME ZONE 'UTC'), $18::timestamp, api_key_id,
         data::jsonb, trail::json, notification_count
  FROM input
  ON CONFLICT (source, "externalId") DO NOTHING
  RETURNING id
), notifications AS (
  INSERT INTO "Notification" (id, "userId", "eventId", type, category, title, body, url, reason, critical, "actorName", "createdAt")
  SELECT n.id, n.user_id, n.event_id, input.type, input.category, input.title, input.body, input.url, n.reason, input.critical,
         input.actor_name, $18::timestamp
  FROM unnest($19::text[], $20::text[], $21::text[], $22::text[]) AS n(id, event_id, user_id, reason)
  JOIN event ON event.id = n.event_id
  JOIN input ON input.id = n.event_id
), deliveries AS (
  INSERT INTO "EmailDelivery" (id, "eventId", "notificationId", "userId", "toAddress", type, role, secret, "runAt", "createdAt", "updatedAt")
  SELECT d.id, d.event_id, d.notification_id, d.user_id, d.address, input.type, d.role, d.secret, $18::timestamp, $18::timestamp, $18::timestamp
  FROM unnest($23::text[], $24::text[], $25::text[], $26::text[], $27::text[], $28::text[], $29::text[])
    AS d(id, event_id, notification_id, user_id, address, role, secret)
  JOIN event ON event.id = d.event_id
  JOIN input ON input.id = d.event_id
)
SELECT id FROM event`;

/** Stores prepared events in one statement; returns the ids of those that were new. */
async function storeEvents(events: PreparedEvent[], context: IngestContext, now: Date): Promise<Set<string>> {
  const col = <T>(pick: (e: PreparedEvent) => T) => events.map(pick);
  const notifications = events.flatMap((e) => e.notifications.map((n) => ({ ...n, eventId: e.id })));
  const deliveries = events.flatMap((e) => e.deliveries.map((d) => ({ ...d, eventId: e.id })));
  const rows = await sql<{ id: string }>(
    INSERT_SQL,
    [
      col((e) => e.id),
      col((e) => e.envelope.id),
      col((e) => e.envelope.type),
      col((e) => e.envelope.organizationId),
      col((e) => e.envelope.actor?.userId ?? null),
      col((e) => e.envelope.occurredAt),
      col((e) => JSON.stringify(e.storedData)),
      col((e) => packTrail(e.trail)),
      col((e) => e.title),
      col((e) => e.body),
      col((e) => e.url),
      col((e) => e.category),
      col((e) => e.actorName),
      col((e) => e.critical),
      col(() => context.apiKeyId ?? null),
      col((e) => e.notifications.length),
      context.source,
      utcTimestamp(now),
      notifications.map((n) => n.id),
      notifications.map((n) => n.eventId),
      notifications.map((n) => n.userId),
      notifications.map((n) => n.reason),
      deliveries.map((d) => d.id),
      deliveries.map((d) => d.eventId),
      deliveries.map((d) => d.notificationId),
      deliveries.map((d) => d.userId),
      deliveries.map((d) => d.address),
      deliveries.map((d) => d.role),
      deliveries.map((d) => d.secret),
    ],
    "ingest_insert",
  );
  return new Set(rows.map((r) => r.id));
}

async function originalCounts(source: string, externalIds: string[]) {
  const rows = await db.event.findMany({
    where: { source, externalId: { in: externalIds } },
    select: { externalId: true, notificationCount: true },
  });
  return new Map(rows.map((r) => [r.externalId, r.notificationCount]));
}

function published(event: PreparedEvent, now: Date): Published {
  return {
    eventId: event.envelope.id,
    notifications: event.notifications.map((n) => ({
      id: n.id,
      type: event.envelope.type,
      category: event.category,
      title: event.title,
      body: event.body,
      url: event.url,
      reason: n.reason,
      critical: event.critical,
      actorName: event.actorName,
      createdAt: now,
      readAt: null,
      archivedAt: null,
      userId: n.userId,
    })),
  };
}

export type BatchItemResult = IngestResult | { error: { code: string; message: string; details?: ErrorDetail[] } };

/**
 * Ingests events (one, or a batch) and answers per event, in order. Invalid events get an error
 * and store nothing; the valid ones are stored together.
 */
export async function ingestEvents(inputs: unknown[], context: IngestContext): Promise<(IngestResult | AppError)[]> {
  const prepared = await prepareEvents(inputs);
  // The same id twice in one batch: the first one counts, the later ones are duplicates of it.
  const firstById = new Map<string, PreparedEvent>();
  const toStore: PreparedEvent[] = [];
  for (const item of prepared) {
    if (item instanceof AppError || firstById.has(item.envelope.id)) continue;
    firstById.set(item.envelope.id, item);
    toStore.push(item);
  }
  const now = new Date();
  const inserted = toStore.length ? await storeEvents(toStore, context, now) : new Set<string>();
  const duplicates = toStore.filter((e) => !inserted.has(e.id)).map((e) => e.envelope.id);
  const counts = duplicates.length ? await originalCounts(context.source, duplicates) : new Map<string, number>();

  const fresh = toStore.filter((e) => inserted.has(e.id));
  if (fresh.length) {
    publishNotifications(fresh.map((e) => published(e, now)));
    if (fresh.some((e) => e.deliveries.length)) wakeEmailWorker();
  }

  return prepared.map((item) => {
    if (item instanceof AppError) return item;
    const first = firstById.get(item.envelope.id)!;
    if (first === item && inserted.has(item.id))
      return { eventId: item.envelope.id, status: "accepted", notifications: item.notifications.length };
    const count = inserted.has(first.id) ? first.notifications.length : (counts.get(item.envelope.id) ?? 0);
    return { eventId: item.envelope.id, status: "duplicate", notifications: count };
  });
}

// Group commit for single events: while one statement is in flight (most of its time is the
// commit's WAL flush), the events that arrive queue up, and the next statement stores them all
// with one commit. An idle server stores each event at once; a busy one stores many per flush.
interface Waiting {
  input: unknown;
  resolve(result: IngestResult | AppError): void;
  reject(error: unknown): void;
}
const queues = new Map<string, { waiting: Waiting[]; running: boolean }>();

async function drain(queue: { waiting: Waiting[]; running: boolean }, context: IngestContext) {
  queue.running = true;
  while (queue.waiting.length) {
    const group = queue.waiting.splice(0, MAX_BATCH_EVENTS);
    try {
      const results = await ingestEvents(
        group.map((w) => w.input),
        context,
      );
      group.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      group.forEach((w) => w.reject(error));
    }
  }
  queue.running = false;
}

/** Ingests one event, sharing a statement and commit with concurrent ones; an invalid event resolves to its AppError. */
export function ingestOne(input: unknown, context: IngestContext): Promise<IngestResult | AppError> {
  const key = `${context.source}\u0000${context.apiKeyId ?? ""}`;
  let queue = queues.get(key);
  if (!queue) queues.set(key, (queue = { waiting: [], running: false }));
  const promise = new Promise<IngestResult | AppError>((resolve, reject) =>
    queue.waiting.push({ input, resolve, reject }),
  );
  if (!queue.running) void drain(queue, context);
  if (queues.size > 1000) for (const [k, q] of queues) if (!q.running && !q.waiting.length) queues.delete(k);
  return promise;
}

/** Ingests one event; throws its AppError when it is invalid. */
export async function ingestEvent(input: unknown, context: IngestContext): Promise<IngestResult> {
  const result = await ingestOne(input, context);
  if (result instanceof AppError) throw result;
  return result;
}
