// The ingest pipeline, for one event or a batch: validate → recipients → preferences → store →
// publish → enqueue. Each step works on the whole set of events at once (constant queries per
// set); ingestEvents below reads as those steps, the helpers after it are their details.
//   recipients   lib/notifications/recipients.ts  planRecipients: who gets each event, to/cc, why
//   preferences  lib/preferences/resolve.ts       each recipient's decision per channel
//   store        lib/notifications/store.ts       ONE statement writes events, notifications,
//                                                 email jobs and webhook messages; it is also the
//                                                 idempotency check
//   publish      lib/notifications/publish.ts     after commit: socket emits and unread counts
//   enqueue      lib/email/queue.ts               wake the email and webhook workers for the stored jobs
//                lib/webhooks/queue.ts
// Single events share statements through a group commit (lib/notifications/group-commit.ts).
import type { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { encryptSecret } from "@/lib/crypto";
import { AppError, jsonPath, validationError, type ErrorDetail } from "@/lib/errors";
import { getType, type NotificationType, type TypeDefinition } from "@/lib/notifications/catalog";
import { eventEnvelopeSchema, MAX_BATCH_EVENTS, type EventEnvelope } from "@/lib/notifications/envelope";
import { checkEventOutsideRecipients } from "@/lib/notifications/outside-caps";
import { organizationIdsOf, planRecipients, type EventRecipients } from "@/lib/notifications/recipients";
import { getOrgChains } from "@/lib/directory/org-cache";
import { resolvePreferencesForEach, type RecipientPreferences } from "@/lib/preferences/resolve";
import { alwaysInstantType, emailHoldFor, loadRecipientTiming, type RecipientTiming } from "@/lib/preferences/cadence";
import { storeEvents, type StoredEvent } from "@/lib/notifications/store";
import { packTrailValue, type TrailEntry } from "@/lib/notifications/trail";
import { publishNotifications, type Published } from "@/lib/notifications/publish";
import { wakeEmailWorker } from "@/lib/email/queue";
import { webhookWake } from "@/lib/webhooks/queue";
import { groupCommit } from "@/lib/notifications/group-commit";
import { activeContext, EVENT_ID, EVENT_TYPE, recordSpan, traceparentOf } from "@/lib/observability/tracing";
import type { Context } from "@opentelemetry/api";
import { uuidv7 } from "@/lib/uuid";
import { mayReceiveSensitive } from "@/lib/recipient-rules/resolve";
import { cleanLine, cleanText, findNulCharacter } from "@/lib/text/clean";

interface IngestContext {
  /** "platform" for the API, "console" for test events sent from the console. */
  source: string;
  apiKeyId?: string | null;
}

export interface IngestResult {
  eventId: string;
  status: "accepted" | "duplicate";
  notifications: number;
}

/** A valid event: its envelope (data parsed by its type's schema) and its type's definition. */
interface ValidEvent {
  envelope: EventEnvelope;
  definition: TypeDefinition<z.ZodType>;
}

/**
 * Ingests events (one, or a batch) and answers per event, in order. Invalid events get their
 * AppError and store nothing; the valid ones are stored together.
 */
export async function ingestEvents(
  inputs: unknown[],
  context: IngestContext,
  /** Each input's trace (the request it came with); the current one by default. */
  traces: Context[] = inputs.map(activeContext),
): Promise<(IngestResult | AppError)[]> {
  // 1. Validate: the envelope, its type's data, a known organization. Chains are loaded once here for the set.
  const parsed = inputs.map(validateEnvelope);
  const chains = await getOrgChains(
    parsed.flatMap((p) => (p instanceof AppError ? [] : organizationIdsOf(p.envelope))),
  );
  const checked = parsed.map((p) =>
    p instanceof AppError || chains.has(p.envelope.organizationId) ? p : unknownOrganization(p.envelope),
  );
  const events = checked.filter((p): p is ValidEvent => !(p instanceof AppError));
  const traceOf = new Map(checked.map((p, i) => [p, traces[i]!]));

  // 2. Recipients: who gets each event, in which field, and why.
  const recipients = await planRecipients(events, chains);

  // 3. Preferences: each recipient's in-app and email decision → the event's rows and trail.
  const decisions = await resolvePreferencesForEach(
    events.map((e, i) => ({
      type: e.envelope.type as NotificationType,
      users: recipients[i]!.recipients.map((r) => r.user),
      overrides: recipients[i]!.overrides,
    })),
  );
  // 3b. Timing: the email cadence and quiet hours of every recipient with email on (lib/delivery-timing).
  const now = new Date();
  const timing = await loadTimingOf(events, recipients, decisions);
  const prepared = new Map(
    events.map((e, i) => [
      e,
      prepareRows(e, recipients[i]!, decisions[i]!, context, chains.get(e.envelope.organizationId)!, traceOf.get(e)!, {
        now,
        of: timing,
      }),
    ]),
  );

  // 4. Store: one statement for the set; an id seen before (or earlier in this set) stores nothing.
  const firstById = new Map<string, StoredEvent>();
  for (const rows of prepared.values())
    if (!firstById.has(rows.event.externalId)) firstById.set(rows.event.externalId, rows);
  const { inserted, webhookMessages } = await storeEvents([...firstById.values()], context.source, now);
  const fresh = [...firstById.values()].filter((rows) => inserted.has(rows.event.id));
  for (const [event, rows] of prepared)
    if (firstById.get(rows.event.externalId) === rows) recordStoreSpan(traceOf.get(event)!, rows, now, inserted);

  // 5. Publish: after commit, each recipient's browser gets its notification and unread count.
  const traceOfRows = new Map([...prepared].map(([event, rows]) => [rows, traceOf.get(event)!]));
  publishNotifications(fresh.map((rows) => published(rows, now, traceOfRows.get(rows)!)));

  // 6. Enqueue: the email jobs and webhook messages were stored with the event; wake the workers.
  if (fresh.some((rows) => rows.emailDeliveries.length)) wakeEmailWorker();
  if (webhookMessages > 0) webhookWake.wake();

  return answers(checked, prepared, firstById, inserted, context.source);
}

// Single events that wait for the same statement, each with the trace of the request it came with.
const ingestGrouped = groupCommit<{ input: unknown; trace: Context }, IngestResult | AppError, IngestContext>({
  key: (context) => `${context.source}\u0000${context.apiKeyId ?? ""}`,
  run: (items, context) =>
    ingestEvents(
      items.map((item) => item.input),
      context,
      items.map((item) => item.trace),
    ),
  maxGroup: MAX_BATCH_EVENTS,
});

/** Ingests one event, sharing a statement and commit with concurrent ones; an invalid event resolves to its AppError. */
export const ingestOne = (input: unknown, context: IngestContext) =>
  ingestGrouped({ input, trace: activeContext() }, context);

/** Ingests one event; throws its AppError when it is invalid. */
export async function ingestEvent(input: unknown, context: IngestContext): Promise<IngestResult> {
  const result = await ingestOne(input, context);
  if (result instanceof AppError) throw result;
  return result;
}

// ---- 1. validate ----

/** The envelope and its type's data: a 422 with every problem by JSON path. */
function validateEnvelope(input: unknown): ValidEvent | AppError {
  const envelope = eventEnvelopeSchema.safeParse(input);
  if (!envelope.success) return validationError(envelope.error);
  const outside = checkEventOutsideRecipients(envelope.data.recipients?.emails ?? []);
  if (outside) return outside;
  const definition = getType(envelope.data.type)!;
  const data = definition.schema.safeParse(envelope.data.data);
  if (!data.success) return validationError(data.error, "data");
  const valid = { ...envelope.data, data: data.data as Record<string, unknown> };
  // Postgres stores no U+0000: refused here, it never fails the statement a batch shares.
  const nul = findNulCharacter(valid);
  if (nul) {
    const detail: ErrorDetail = { path: jsonPath(nul), message: "must not contain the character U+0000" };
    return new AppError("validation_failed", `Invalid request: ${detail.path} ${detail.message}`, [detail]);
  }
  return { envelope: valid, definition };
}

function unknownOrganization({ organizationId }: EventEnvelope) {
  const detail: ErrorDetail = {
    path: "organizationId",
    message: `unknown organization "${organizationId}"; sync it first with PUT /api/v1/organizations/{id}`,
  };
  return new AppError("validation_failed", `Invalid request: ${detail.path} ${detail.message}`, [detail]);
}

// ---- 3. preferences → rows ----

/** Timezone, schedule and cadence of every user whose email of a set's event may wait (one query). */
function loadTimingOf(
  events: ValidEvent[],
  recipients: EventRecipients[],
  decisions: Map<string, RecipientPreferences>[],
): Promise<Map<string, RecipientTiming>> {
  const users = new Map<string, { id: string; organizationId: string }>();
  const categories = new Set<string>();
  events.forEach((e, i) => {
    if (alwaysInstantType(e.envelope.type)) return;
    for (const { user } of recipients[i]!.recipients) {
      if (!decisions[i]!.get(user.id)?.email.enabled) continue;
      users.set(user.id, user);
      categories.add(e.definition.category);
    }
  });
  return loadRecipientTiming([...users.values()], [...categories]);
}

/** The event's rows: a notification per recipient with in-app on, an email job per address with email on, the trail. */
function prepareRows(
  { envelope, definition }: ValidEvent,
  planned: EventRecipients,
  decisions: Map<string, RecipientPreferences>,
  context: IngestContext,
  chain: { id: string }[],
  trace: Context,
  timing: { now: Date; of: Map<string, RecipientTiming> },
): StoredEvent {
  const eventId = uuidv7();
  const storedData = { ...envelope.data };
  const secrets: Record<string, unknown> = {};
  for (const field of definition.sensitive) {
    if (field in storedData) secrets[field] = storedData[field];
    delete storedData[field];
  }
  const secret = Object.keys(secrets).length ? encryptSecret(JSON.stringify(secrets)) : null;
  // Event fields are the platform's text: no header breaks or bidi overrides in the title, body or names.
  const rendered = definition.render(envelope.data as never);
  const content = { ...rendered, title: cleanLine(rendered.title), body: cleanText(rendered.body) };
  const notifications: StoredEvent["notifications"] = [];
  const emailDeliveries: StoredEvent["emailDeliveries"] = [];
  const trail: TrailEntry[] = [];

  for (const recipient of planned.recipients) {
    const { user, field, via, rule, reason } = recipient;
    const decided = decisions.get(user.id)!;
    const entry: TrailEntry = { userId: user.id, name: user.name, address: user.email, role: field, via, rule };
    let notificationId: string | null = null;
    // Bcc is email only: no notification, so nobody else's inbox can show they got it.
    if (field !== "bcc") {
      if (decided.in_app.enabled) {
        notificationId = uuidv7();
        notifications.push({ id: notificationId, eventId, userId: user.id, reason });
        entry.inApp = { decision: "created", notificationId, preference: decided.in_app };
      } else {
        entry.inApp = { decision: "suppressed", preference: decided.in_app };
      }
    }
    if (decided.email.enabled) {
      const deliveryId = uuidv7();
      // Sensitive fields go only to `to` recipients of the event's organization or one above it,
      // encrypted while the job waits (never to an actor or explicit user from elsewhere).
      const ownSecret = mayReceiveSensitive({ field, organizationId: user.organizationId }, chain) ? secret : null;
      // Quiet hours move the job's runAt; a digest cadence holds it for the user's next digest.
      const { held, ...when } = emailHoldFor(timing.now, envelope.type, definition.category, timing.of.get(user.id));
      emailDeliveries.push({
        id: deliveryId,
        eventId,
        notificationId,
        userId: user.id,
        toAddress: user.email,
        role: field,
        secret: ownSecret,
        ...when,
      });
      entry.email = { decision: "queued", deliveryId, preference: decided.email, ...(held ? { held } : {}) };
    } else {
      entry.email = { decision: "suppressed", preference: decided.email };
    }
    trail.push(entry);
  }
  for (const skipped of planned.skipped) {
    trail.push({
      userId: skipped.userId,
      name: skipped.user?.name,
      address: skipped.user?.email ?? null,
      role: skipped.rule.field,
      via: skipped.via,
      rule: skipped.rule,
      skipped: skipped.skipped,
    });
  }
  // Outside addresses: email only, never sensitive fields.
  for (const { address, field, via, rule } of planned.outside) {
    const deliveryId = uuidv7();
    emailDeliveries.push({
      id: deliveryId,
      eventId,
      notificationId: null,
      userId: null,
      toAddress: address,
      role: field,
      secret: null,
    });
    trail.push({ address, role: field, via, rule, email: { decision: "queued", deliveryId } });
  }

  const event: StoredEvent["event"] = {
    id: eventId,
    externalId: envelope.id,
    type: envelope.type,
    organizationId: envelope.organizationId,
    actorId: envelope.actor?.userId ?? null,
    occurredAt: envelope.occurredAt,
    apiKeyId: context.apiKeyId ?? null,
    data: storedData,
    trail: packTrailValue(trail, planned.applied),
    notificationCount: notifications.length,
    category: definition.category,
    title: content.title,
    body: content.body,
    url: content.path ? `${env().PORTAL_BASE_URL.replace(/\/$/, "")}${content.path}` : null,
    critical: definition.critical,
    actorName: planned.actorName === null ? null : cleanLine(planned.actorName),
    webhookOrganizationIds: chain.map((org) => org.id),
    traceparent: traceparentOf(trace),
  };
  return { event, notifications, emailDeliveries };
}

// ---- 4. store: its span in each event's trace ----

/** The store step in the event's trace (a group's one statement shows in each of its events). */
function recordStoreSpan(trace: Context, rows: StoredEvent, started: Date, inserted: Set<string>) {
  recordSpan("ingest.store", trace, started.getTime(), Date.now(), {
    [EVENT_ID]: rows.event.externalId,
    [EVENT_TYPE]: rows.event.type,
    "nc.notifications": rows.notifications.length,
    "nc.duplicate": inserted.has(rows.event.id) ? 0 : 1,
  });
}

// ---- 5. publish ----

function published({ event, notifications }: StoredEvent, now: Date, trace: Context): Published {
  return {
    id: event.id,
    eventId: event.externalId,
    trace,
    notifications: notifications.map((n) => ({
      id: n.id,
      type: event.type,
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

// ---- answers ----

/** Per input, in order: its error, "accepted", or "duplicate" with the original's notification count. */
async function answers(
  checked: (ValidEvent | AppError)[],
  prepared: Map<ValidEvent, StoredEvent>,
  firstById: Map<string, StoredEvent>,
  inserted: Set<string>,
  source: string,
): Promise<(IngestResult | AppError)[]> {
  const duplicates = [...firstById.values()].filter((rows) => !inserted.has(rows.event.id));
  const counts = duplicates.length
    ? await originalCounts(
        source,
        duplicates.map((rows) => rows.event.externalId),
      )
    : new Map<string, number>();
  return checked.map((item) => {
    if (item instanceof AppError) return item;
    const rows = prepared.get(item)!;
    const first = firstById.get(rows.event.externalId)!;
    if (first === rows && inserted.has(rows.event.id))
      return { eventId: item.envelope.id, status: "accepted", notifications: rows.notifications.length };
    // The same id twice in one set: the first one counts, the later ones are duplicates of it.
    const count = inserted.has(first.event.id) ? first.notifications.length : (counts.get(item.envelope.id) ?? 0);
    return { eventId: item.envelope.id, status: "duplicate", notifications: count };
  });
}

async function originalCounts(source: string, externalIds: string[]) {
  const rows = await db.event.findMany({
    where: { source, externalId: { in: externalIds } },
    select: { externalId: true, notificationCount: true },
  });
  return new Map(rows.map((r) => [r.externalId, r.notificationCount]));
}
