// Section 8: daily digests. `digestUsers` users each have `digestItems` held emails (one per event)
// waiting for a daily digest that is due; the server's worker claims the digests, binds each
// user's jobs, renders one React Email digest per user and sends it to the fake Resend: digests/s
// from the moment they fall due to the provider's last acceptance. Baseline in the same run: the
// same number of single emails through the same pipeline (claim → render → send → mark).
import type { Bench } from "./context";
import { EVENT_TYPE } from "./directory";
import { acceptedBy, queueCopies, settleQueue, type EmailBench } from "./email-queue";
import type { Metric, Row } from "./stats";
import { catalog } from "@/lib/notifications/catalog";

/** Events, held jobs and not-yet-due digests for `users` users; returns the digest ids' marker. */
async function prepare(bench: Bench, users: string[], items: number): Promise<string> {
  const marker = `bench_digest_${process.pid}_${Date.now()}`;
  const client = await bench.pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Event" (id, source, "externalId", type, "organizationId", "occurredAt", "receivedAt", data)
       SELECT $1 || '_' || i, 'platform', $1 || '_' || i, $2, u."organizationId", now() AT TIME ZONE 'UTC',
              now() AT TIME ZONE 'UTC', $3::jsonb
       FROM generate_series(1, $4::int) i, (SELECT "organizationId" FROM "User" WHERE id = $5) u`,
      [marker, EVENT_TYPE, JSON.stringify(catalog[EVENT_TYPE].example), items, users[0]],
    );
    // Due a minute ago: the window has ended, but nothing runs before runAt is moved to now.
    await client.query(
      `WITH due AS (SELECT date_trunc('second', now() AT TIME ZONE 'UTC') - interval '1 minute' AS at)
       INSERT INTO "EmailDelivery" (id, "eventId", "userId", "toAddress", type, role, status, "digestAt", "runAt",
                                    "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, $1 || '_' || i, u.id, u.email, $2, 'to', 'held', due.at, due.at,
              now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM "User" u, generate_series(1, $3::int) i, due WHERE u.id = ANY($4::text[])`,
      [marker, EVENT_TYPE, items, users],
    );
    await client.query(
      `INSERT INTO "EmailDigest" (id, "userId", cadence, "dueAt", "runAt", "createdAt", "updatedAt")
       SELECT $1 || '_' || u.id, u.id, 'daily', date_trunc('second', now() AT TIME ZONE 'UTC') - interval '1 minute',
              '9999-01-01', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM "User" u WHERE u.id = ANY($2::text[])`,
      [marker, users],
    );
    await client.query("COMMIT");
    return marker;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}

async function digests(bench: Bench, email: EmailBench, users: string[], items: number): Promise<Metric> {
  const marker = await prepare(bench, users, items);
  await settleQueue(bench, 0);
  const before = (await email.fake.stats()).accepted;
  const started = Date.now();
  await bench.pool.query(`UPDATE "EmailDigest" SET "runAt" = now() AT TIME ZONE 'UTC' WHERE id LIKE $1 || '\\_%'`, [
    marker,
  ]);
  await bench.pool.query(`NOTIFY email_jobs`);
  const { accepted, lastAcceptedAt } = await acceptedBy(email.fake, before, users.length, 600_000);
  const seconds = ((lastAcceptedAt ?? Date.now()) - started) / 1000;
  bench.log(`8 digests: ${accepted}/${users.length} in ${seconds.toFixed(1)} s`);
  return {
    value: accepted / seconds,
    unit: "/s",
    detail: `${accepted.toLocaleString("en-US")} digests of ${items} items in ${seconds.toFixed(1)} s${accepted < users.length ? `, ${users.length - accepted} not accepted` : ""}`,
  };
}

async function singles(bench: Bench, email: EmailBench, count: number): Promise<Metric> {
  await settleQueue(bench, 0);
  const before = (await email.fake.stats()).accepted;
  const started = Date.now();
  const queued = await queueCopies(bench, count);
  const { accepted, lastAcceptedAt } = await acceptedBy(email.fake, before, queued, 600_000);
  const seconds = ((lastAcceptedAt ?? Date.now()) - started) / 1000;
  bench.log(`8 single emails: ${accepted}/${queued} in ${seconds.toFixed(1)} s`);
  return { value: accepted / seconds, unit: "/s", detail: `${accepted.toLocaleString("en-US")} emails` };
}

export async function digestSection(bench: Bench, email: EmailBench): Promise<Row[]> {
  const { digestUsers, digestItems } = bench.sizes;
  const users = bench.directory.users.slice(0, digestUsers);
  const baseline = await singles(bench, email, users.length);
  const result = await digests(bench, email, users, digestItems);
  const n = users.length.toLocaleString("en-US");
  return [
    {
      section: "8",
      label: `daily digests: ${n} users × ${digestItems} items, due → provider accepted the last (claim, bind, render, send, mark)`,
      result,
      baseline: { label: `${n} single emails, same pipeline`, metric: baseline },
    },
  ];
}
