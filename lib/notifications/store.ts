// The store step of ingest: everything a set of events produces (each event with its delivery
// trail, its notifications, its email jobs and its webhook messages) is written by ONE SQL statement, which is also the
// idempotency check: an event whose (source, externalId) exists inserts nothing, and neither do
// its rows. One statement is one commit (one WAL flush) for a whole batch or group.
//
// Rows travel as named fields: one JSON parameter per table, read with json_to_recordset, whose
// column list is generated from the same object that types the rows (`satisfies` below), so a
// field missing on either side is a type error and nothing depends on parameter order.
//
// Adding a table written with the event (say, webhook messages): a row type and its columns here,
// a field on StoredEvent, one more JSON parameter, and one more CTE that JOINs `event` like
// `notifications` does, so rows are stored only for the events that were new.
import { query, raw, sql, utcTimestamp } from "@/lib/db";
import type { AddressField, PackedTrail } from "@/lib/notifications/trail";

type SqlType = "text" | "text[]" | "int" | "boolean" | "json" | "jsonb" | "timestamptz";

/** One event: its Event columns, plus the content its notifications repeat (named as in "Notification"). */
export interface EventInsert {
  /** Our Event.id. */
  id: string;
  /** The platform's event id. */
  externalId: string;
  type: string;
  organizationId: string;
  actorId: string | null;
  /** ISO 8601 with an offset, as the platform sent it. */
  occurredAt: string;
  apiKeyId: string | null;
  /** The envelope's data without sensitive fields. */
  data: Record<string, unknown>;
  trail: PackedTrail;
  notificationCount: number;
  category: string;
  title: string;
  body: string;
  url: string | null;
  critical: boolean;
  actorName: string | null;
  /** The event's organization and its ancestors: their enabled webhook endpoints get a message. */
  webhookOrganizationIds: string[];
  /** The W3C traceparent of the request that brought it (when tracing): its jobs link to that trace. */
  traceparent: string | null;
}
const eventColumns = {
  id: "text",
  externalId: "text",
  type: "text",
  organizationId: "text",
  actorId: "text",
  occurredAt: "timestamptz",
  apiKeyId: "text",
  data: "jsonb",
  // json, not jsonb: the trail is stored as json (see prisma/schema.prisma) and passes through unparsed.
  trail: "json",
  notificationCount: "int",
  category: "text",
  title: "text",
  body: "text",
  url: "text",
  critical: "boolean",
  actorName: "text",
  webhookOrganizationIds: "text[]",
  traceparent: "text",
} as const satisfies Record<keyof EventInsert, SqlType>;

/** One in-app notification; the rest of its columns come from its event. */
export interface NotificationInsert {
  id: string;
  eventId: string;
  userId: string;
  reason: string;
}
const notificationColumns = {
  id: "text",
  eventId: "text",
  userId: "text",
  reason: "text",
} as const satisfies Record<keyof NotificationInsert, SqlType>;

/** One email job (an EmailDelivery row, status "queued"): the email worker claims it. */
export interface EmailDeliveryInsert {
  id: string;
  eventId: string;
  /** The recipient's notification, when they also got one in-app. */
  notificationId: string | null;
  /** Null for an outside address. */
  userId: string | null;
  toAddress: string;
  role: AddressField;
  /** Sensitive fields, encrypted, for this recipient only. */
  secret: string | null;
  /** Quiet hours: not before this instant (ISO); null or absent: at once. */
  runAt?: string | null;
  /** Digest cadence: held for the user's digest due at this instant (ISO), with that cadence. */
  digestAt?: string | null;
  cadence?: "hourly" | "daily" | null;
}
const emailDeliveryColumns = {
  id: "text",
  eventId: "text",
  notificationId: "text",
  userId: "text",
  toAddress: "text",
  role: "text",
  secret: "text",
  runAt: "timestamptz",
  digestAt: "timestamptz",
  cadence: "text",
} as const satisfies Record<keyof EmailDeliveryInsert, SqlType>;

/** Everything one event writes. */
export interface StoredEvent {
  event: EventInsert;
  notifications: NotificationInsert[];
  emailDeliveries: EmailDeliveryInsert[];
}

/** A json_to_recordset column definition list, from constant names and types. */
const columnList = (columns: Record<string, SqlType>) =>
  raw(
    Object.entries(columns)
      .map(([name, type]) => `"${name}" ${type}`)
      .join(", "),
  );
const EVENT_COLUMNS = columnList(eventColumns);
const NOTIFICATION_COLUMNS = columnList(notificationColumns);
const EMAIL_DELIVERY_COLUMNS = columnList(emailDeliveryColumns);

interface Stored {
  /** The ids (ours) of the events that were new. */
  inserted: Set<string>;
  /** Webhook messages queued for them. */
  webhookMessages: number;
}

/** Stores the events and their rows in one statement. */
export async function storeEvents(events: StoredEvent[], source: string, now: Date): Promise<Stored> {
  if (!events.length) return { inserted: new Set(), webhookMessages: 0 };
  const at = utcTimestamp(now);
  const rows = await query<{ id: string; webhookMessages: number }>(
    sql`
    WITH input AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(events.map((e) => e.event))}::json) AS e(${EVENT_COLUMNS})
    ), event AS (
      INSERT INTO "Event" (id, source, "externalId", type, "organizationId", "actorId", "occurredAt", "receivedAt",
                           "apiKeyId", data, trail, "notificationCount", traceparent)
      SELECT id, ${source}::text, "externalId", type, "organizationId", "actorId", "occurredAt" AT TIME ZONE 'UTC',
             ${at}::timestamp, "apiKeyId", data, trail, "notificationCount", traceparent
      FROM input
      ON CONFLICT (source, "externalId") DO NOTHING
      RETURNING id
    ), notifications AS (
      INSERT INTO "Notification" (id, "userId", "eventId", type, category, title, body, url, reason, critical,
                                  "actorName", "createdAt")
      SELECT n.id, n."userId", n."eventId", e.type, e.category, e.title, e.body, e.url, n.reason, e.critical,
             e."actorName", ${at}::timestamp
      FROM json_to_recordset(${JSON.stringify(events.flatMap((e) => e.notifications))}::json)
        AS n(${NOTIFICATION_COLUMNS})
      JOIN event ON event.id = n."eventId"
      JOIN input e ON e.id = n."eventId"
    ), delivery_input AS (
      SELECT d.* FROM json_to_recordset(${JSON.stringify(events.flatMap((e) => e.emailDeliveries))}::json)
        AS d(${EMAIL_DELIVERY_COLUMNS})
      JOIN event ON event.id = d."eventId"
    ), email_deliveries AS (
      -- A job for a digest cadence is "held" until its digest (below) binds it; quiet hours only move runAt.
      INSERT INTO "EmailDelivery" (id, "eventId", "notificationId", "userId", "toAddress", type, role, secret,
                                   status, "digestAt", "runAt", "createdAt", "updatedAt")
      SELECT d.id, d."eventId", d."notificationId", d."userId", d."toAddress", e.type, d.role, d.secret,
             CASE WHEN d."digestAt" IS NULL THEN 'queued' ELSE 'held' END, d."digestAt" AT TIME ZONE 'UTC',
             COALESCE(d."digestAt" AT TIME ZONE 'UTC', d."runAt" AT TIME ZONE 'UTC', ${at}::timestamp),
             ${at}::timestamp, ${at}::timestamp
      FROM delivery_input d
      JOIN input e ON e.id = d."eventId"
    ), digests AS (
      -- One digest per (user, window); a window that already has one (queued or done) keeps it:
      -- the email worker's sweep gives jobs that arrived after their digest went out to the next one.
      INSERT INTO "EmailDigest" (id, "userId", cadence, "dueAt", "runAt", "createdAt", "updatedAt")
      SELECT DISTINCT ON (d."userId", d."digestAt") gen_random_uuid()::text, d."userId", d.cadence::"Cadence",
             d."digestAt" AT TIME ZONE 'UTC', d."digestAt" AT TIME ZONE 'UTC', ${at}::timestamp, ${at}::timestamp
      FROM delivery_input d
      WHERE d."digestAt" IS NOT NULL AND d."userId" IS NOT NULL
      ORDER BY d."userId", d."digestAt", d.cadence
      ON CONFLICT ("userId", "dueAt") DO NOTHING
    ), webhook_messages AS (
      -- One message per (event, endpoint) for the enabled endpoints of the event's organization and of
      -- every organization above it, subscribed to its type (or to "*"). Read in this statement, so an
      -- accepted event always has its messages. Ids: "msg_", the time in ms, random: time-ordered.
      INSERT INTO "WebhookMessage" (id, "endpointId", "eventId", type, "runAt", "createdAt", "updatedAt")
      SELECT 'msg_' || lpad(to_hex((EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint), 12, '0')
                    || substr(replace(gen_random_uuid()::text, '-', ''), 13, 20),
             w.id, e.id, e.type, ${at}::timestamp, ${at}::timestamp, ${at}::timestamp
      FROM input e
      JOIN event ON event.id = e.id
      JOIN "WebhookEndpoint" w ON w."organizationId" = ANY(e."webhookOrganizationIds") AND w.enabled
       AND (e.type = ANY(w.types) OR '*' = ANY(w.types))
      RETURNING "eventId"
    )
    SELECT id, (SELECT count(*)::int FROM webhook_messages m WHERE m."eventId" = event.id) AS "webhookMessages"
    FROM event`,
    "ingest_insert",
  );
  return {
    inserted: new Set(rows.map((r) => r.id)),
    webhookMessages: rows.reduce((sum, r) => sum + r.webhookMessages, 0),
  };
}
