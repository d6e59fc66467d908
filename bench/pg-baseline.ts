// The database's own ceiling for the rows ingest writes: the very rows an ingest run stored, read
// back and inserted again (new ids) with plain multi-row INSERTs through `pg`, one transaction per
// batch, at the same concurrency.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { percentiles, type Metric } from "./stats";

type Row = Record<string, unknown>;

interface RowSet {
  events: Row[];
  notifications: Row[];
  deliveries: Row[];
}

export async function loadRowSet(pool: pg.Pool, externalIds: string[]): Promise<RowSet> {
  const events = (await pool.query(`SELECT * FROM "Event" WHERE "externalId" = ANY($1::text[])`, [externalIds])).rows;
  const ids = events.map((e) => e.id);
  const notifications = (await pool.query(`SELECT * FROM "Notification" WHERE "eventId" = ANY($1::text[])`, [ids]))
    .rows;
  const deliveries = (await pool.query(`SELECT * FROM "EmailDelivery" WHERE "eventId" = ANY($1::text[])`, [ids])).rows;
  return { events, notifications, deliveries };
}

/** The same rows with fresh ids (and foreign keys pointing at the fresh ids). */
function cloneRowSet(set: RowSet): RowSet {
  const ids = new Map<unknown, string>();
  const fresh = (old: unknown) => {
    const id = randomUUID();
    ids.set(old, id);
    return id;
  };
  const events = set.events.map((e) => ({ ...e, id: fresh(e.id), externalId: `copy_${randomUUID()}` }));
  const notifications = set.notifications.map((n) => ({ ...n, id: fresh(n.id), eventId: ids.get(n.eventId) }));
  const deliveries = set.deliveries.map((d) => ({
    ...d,
    id: randomUUID(),
    eventId: ids.get(d.eventId),
    notificationId: d.notificationId ? ids.get(d.notificationId) : null,
  }));
  return { events, notifications, deliveries };
}

const MAX_PARAMS = 60_000;
const toParam = (value: unknown) =>
  value !== null && typeof value === "object" && !(value instanceof Date) && !Buffer.isBuffer(value)
    ? JSON.stringify(value)
    : value;

/** INSERT … VALUES (…), (…), … — as few statements as Postgres's parameter limit allows. */
async function insertRows(client: pg.PoolClient, table: string, rows: Row[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const slice = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const values = slice.map((row) => `(${columns.map((c) => `$${params.push(toParam(row[c]))}`).join(", ")})`);
    await client.query(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values.join(", ")}`,
      params,
    );
  }
}

export async function insertRowSet(pool: pg.Pool, template: RowSet) {
  const set = cloneRowSet(template);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await insertRows(client, "Event", set.events);
    await insertRows(client, "Notification", set.notifications);
    await insertRows(client, "EmailDelivery", set.deliveries);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

/** Inserts copies of `template` from `connections` loops for `seconds`: notifications/s and per-batch latency. */
export async function insertLoad(
  pool: pg.Pool,
  template: RowSet,
  connections: number,
  seconds: number,
): Promise<Metric> {
  const samples: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await insertRowSet(pool, template);
        samples.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    value: (samples.length * template.notifications.length) / elapsed,
    unit: "/s",
    latency: percentiles(samples) ?? undefined,
  };
}
