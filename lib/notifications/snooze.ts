// Snoozed notifications come back on time: unread, out of the archive, at the top of the inbox
// (createdAt becomes the return time), pushed live with `notification:new` and the new unread count.
//
// Driven by the database, so any instance brings them back, and each exactly once: a sweeper on
// every instance with sockets claims the due rows with FOR UPDATE SKIP LOCKED (two instances never
// claim the same row) and pushes them before its transaction commits. An instance that dies before
// the commit leaves them due, and the next sweep of any instance pushes them; one that dies between
// the push and the commit (or a failed commit) pushes them twice, merged by id in the browser.
// Pushing after the commit would lose them in that window instead.
import { db, sql, type Prisma } from "@/lib/db";
import { ITEM_COLUMNS, statusFilter, toItem, type ItemRow } from "@/lib/notifications/inbox";
import { emitToUser, getRealtimeServer } from "@/lib/realtime/emit";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";

const SWEEP_EVERY_MS = 1_000;
const SWEEP_LIMIT = 200;

/** Brings back up to `limit` due notifications and pushes them; returns how many. */
export async function returnDueSnoozes(limit = SWEEP_LIMIT): Promise<number> {
  // Only a process with sockets can push: elsewhere (a script, the standalone worker) claim nothing.
  if (!getRealtimeServer()) return 0;
  return db.$transaction(async (tx: Prisma.TransactionClient) => {
    const rows = await tx.$queryRaw<(ItemRow & { userId: string })[]>(sql`
      WITH due AS (
        SELECT id FROM "Notification"
        WHERE "snoozedUntil" <= (now() AT TIME ZONE 'UTC')
        ORDER BY "snoozedUntil" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "Notification" n
      SET "snoozedUntil" = NULL, "readAt" = NULL, "archivedAt" = NULL, "createdAt" = (now() AT TIME ZONE 'UTC')
      FROM due, "Event" e
      WHERE n.id = due.id AND e.id = n."eventId"
      RETURNING n."userId", ${ITEM_COLUMNS}`);
    if (!rows.length) return 0;
    const userIds = [...new Set(rows.map((row) => row.userId))];
    // Counted in the transaction: they include what comes back.
    const counts = await tx.$queryRaw<{ userId: string; count: number }[]>(sql`
      SELECT n."userId", count(*)::int AS count FROM "Notification" n
      WHERE n."userId" = ANY(${userIds}::text[]) AND ${statusFilter.unread}
      GROUP BY n."userId"`);
    for (const { userId, ...row } of rows) emitToUser(userId, "notification:new", toItem(row));
    const byUser = new Map(counts.map((row) => [row.userId, row.count]));
    for (const userId of userIds) emitToUser(userId, "notifications:unread-count", { count: byUser.get(userId) ?? 0 });
    return rows.length;
  });
}

/** Runs returnDueSnoozes every second until stop(); errors (an outage) only delay it. */
export function startSnoozeSweeper(options: { everyMs?: number } = {}) {
  const everyMs = options.everyMs ?? SWEEP_EVERY_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        // A full batch means more may be due: go on at once.
        while (!stopped && (await returnDueSnoozes()) === SWEEP_LIMIT);
      } catch (error) {
        // The database is unreachable: the next tick tries again (the outage is logged elsewhere).
        if (!isDatabaseUnavailable(error))
          console.error(`returning snoozed notifications failed: ${(error as Error).message}`);
      }
      if (!stopped) timer = setTimeout(tick, everyMs);
    })();
  };
  timer = setTimeout(tick, everyMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
