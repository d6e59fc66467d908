// Pushes that cannot be lost. The instance that stores an event pushes its notifications right
// after the commit and marks the event published (publish.ts); if it dies in between, the event
// stays unmarked, and the sweeper running on every instance pushes it a few seconds later. A
// duplicate submission of such an event (the platform retrying a request that got no answer)
// pushes it at once. Claims use SKIP LOCKED, so two sweepers never push the same event; a push
// that comes twice anyway (a publisher slower than the grace period) is merged by id in the browser.
import { query, sql } from "@/lib/db";
import type { NotificationRow } from "@/lib/notifications/item";
import { publishNotifications, type Published } from "@/lib/notifications/publish";
import { getRealtimeServer } from "@/lib/realtime/emit";

/** How long after its commit an unmarked event is taken for lost by its own instance. */
export const PUBLISH_GRACE_MS = 3_000;
const SWEEP_EVERY_MS = 1_000;
const SWEEP_LIMIT = 200;

const claimOld = (graceMs: number, limit: number) => sql`
  WITH due AS (
    SELECT id FROM "Event"
    WHERE "publishedAt" IS NULL AND "receivedAt" < LOCALTIMESTAMP - ${graceMs}::int * interval '1 millisecond'
    ORDER BY "receivedAt" LIMIT ${limit}
    FOR UPDATE SKIP LOCKED
  )
  UPDATE "Event" AS e SET "publishedAt" = LOCALTIMESTAMP FROM due WHERE e.id = due.id
  RETURNING e.id, e."externalId"`;

const claimByExternalId = (externalIds: string[]) => sql`
  WITH due AS (
    SELECT id FROM "Event"
    WHERE source = 'platform' AND "externalId" = ANY(${externalIds}::text[]) AND "publishedAt" IS NULL
    FOR UPDATE SKIP LOCKED
  )
  UPDATE "Event" AS e SET "publishedAt" = LOCALTIMESTAMP FROM due WHERE e.id = due.id
  RETURNING e.id, e."externalId"`;

async function push(claimed: { id: string; externalId: string }[]): Promise<number> {
  if (!claimed.length) return 0;
  const rows = await query<NotificationRow & { userId: string; eventId: string }>(
    sql`SELECT id, "userId", "eventId", type, category, title, body, url, reason, critical, "actorName",
       "createdAt" AT TIME ZONE 'UTC' AS "createdAt", "readAt" AT TIME ZONE 'UTC' AS "readAt",
       "archivedAt" AT TIME ZONE 'UTC' AS "archivedAt"
     FROM "Notification" WHERE "eventId" = ANY(${claimed.map((event) => event.id)}::text[])`,
  );
  const byEvent = new Map<string, Published>(
    claimed.map((event) => [event.id, { id: event.id, eventId: event.externalId, notifications: [] }]),
  );
  for (const { eventId, ...row } of rows) byEvent.get(eventId)?.notifications.push(row);
  publishNotifications([...byEvent.values()]);
  return claimed.length;
}

/** Pushes the events still unpublished `graceMs` after their commit; returns how many. */
async function publishOverdue(graceMs = PUBLISH_GRACE_MS, limit = SWEEP_LIMIT): Promise<number> {
  // Only a process with sockets can push: elsewhere (a script, the standalone worker) claim nothing.
  if (!getRealtimeServer()) return 0;
  return push(await query(claimOld(graceMs, limit)));
}

/** A duplicate submission: pushes those of the platform's events that never were. */
export async function publishIfUnpublished(externalIds: string[]): Promise<number> {
  if (!externalIds.length || !getRealtimeServer()) return 0;
  return push(await query(claimByExternalId(externalIds)));
}

/** Runs publishOverdue every second until stop(); errors (an outage) only delay it. */
export function startPublicationSweeper(options: { everyMs?: number; graceMs?: number } = {}) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        // A full batch means more may be waiting: go on at once.
        while (!stopped && (await publishOverdue(options.graceMs)) === SWEEP_LIMIT);
      } catch {
        // The database is unreachable: the next tick tries again.
      }
      if (!stopped) timer = setTimeout(tick, options.everyMs ?? SWEEP_EVERY_MS);
    })();
  };
  timer = setTimeout(tick, options.everyMs ?? SWEEP_EVERY_MS);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
