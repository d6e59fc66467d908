// The benchmark's own directory, written with SQL before the server starts (so no cache can hold
// a stale view): an API key, an organization whose N admins receive the fan-out event (and are
// the socket users), and an organization with no audience for events that name their recipient.
import { createHash, randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type pg from "pg";

export const PLAIN_ORG = "bench_plain";
export const FANOUT_ORG = "bench_fanout";
export const INBOX_USER = "u_inbox";
export const EVENT_TYPE = "payment.currency_reset";
const userId = (i: number) => `u_fan_${String(i).padStart(5, "0")}`;

export interface Directory {
  apiKey: string;
  users: string[];
}

/**
 * Unless `withEmail`, both organizations turn email off for the benchmark's type (an ordinary
 * organization setting that ingest resolves): the numbers then measure ingest and realtime, not
 * the in-process email worker rendering thousands of captured emails at the same time.
 */
export async function createDirectory(pool: pg.Pool, users: number, withEmail: boolean): Promise<Directory> {
  await pool.query(
    `INSERT INTO "Organization" (id, name, kind, "updatedAt") VALUES ($1, 'Bench Plain', 'customer', now()), ($2, 'Bench Fan-out', 'customer', now())`,
    [PLAIN_ORG, FANOUT_ORG],
  );
  if (!withEmail) {
    await pool.query(
      `INSERT INTO "OrganizationPreference" ("organizationId", type, channel, enabled, "updatedAt")
       SELECT unnest($1::text[]), $2, 'email', false, now()`,
      [[PLAIN_ORG, FANOUT_ORG], EVENT_TYPE],
    );
  }
  await pool.query(
    `INSERT INTO "User" (id, email, name, "organizationId", role, "updatedAt")
     SELECT 'u_fan_' || lpad(g::text, 5, '0'), 'fan' || g || '@bench.example', 'Fan ' || g, $1, 'admin', now()
     FROM generate_series(1, $2::int) g`,
    [FANOUT_ORG, users],
  );
  await pool.query(
    `INSERT INTO "User" (id, email, name, "organizationId", role, "updatedAt") VALUES ($1, 'inbox@bench.example', 'Inbox Reader', $2, 'member', now())`,
    [INBOX_USER, PLAIN_ORG],
  );
  // Stored the way lib/api-keys.ts stores keys: SHA-256 of the key.
  const apiKey = `nck_${randomBytes(32).toString("base64url")}`;
  await pool.query(
    `INSERT INTO "ApiKey" (id, name, prefix, hash, scopes) VALUES (gen_random_uuid()::text, 'bench', $1, $2, ARRAY['events'])`,
    [apiKey.slice(0, 12), createHash("sha256").update(apiKey).digest("hex")],
  );
  return { apiKey, users: Array.from({ length: users }, (_, i) => userId(i + 1)) };
}

/** A session cookie for the user, as NextAuth would set it (same claims as tests/support/integration.ts). */
export async function sessionCookie(pool: pg.Pool, id: string, secret: string) {
  const { rows } = await pool.query(`SELECT id, email, name, "organizationId", role FROM "User" WHERE id = $1`, [id]);
  const user = rows[0];
  const token = await encode({
    token: {
      sub: user.id,
      uid: user.id,
      email: user.email,
      name: user.name,
      organizationId: user.organizationId,
      role: user.role,
    },
    secret,
  });
  return `next-auth.session-token=${token}`;
}

/** Session cookies for many users without a query each (the claims the handshake reads are these). */
export async function sessionCookies(ids: string[], secret: string) {
  return Promise.all(
    ids.map(async (id) => {
      const token = await encode({
        token: { sub: id, uid: id, email: `${id}@bench.example`, name: id, organizationId: FANOUT_ORG, role: "admin" },
        secret,
      });
      return `next-auth.session-token=${token}`;
    }),
  );
}

const categories = ["orders", "catalog", "scheduled_orders", "quotes", "subscriptions", "organizations", "payments"];

/**
 * Fills the inbox table: INBOX_USER gets `own` notifications and the fan-out users share the
 * rest up to `total`. As in a real inbox most history is read: the user's newest 5% are unread and
 * every 10th row is archived.
 */
export async function fillInbox(pool: pg.Pool, options: { own: number; total: number; users: number }) {
  const existing = Number((await pool.query(`SELECT count(*) FROM "Notification"`)).rows[0].count);
  const toAdd = Math.max(options.own, options.total - existing);
  await pool.query(
    `INSERT INTO "Event" (id, "externalId", type, "organizationId", "occurredAt", data)
     SELECT 'ev_inbox_' || g, 'evt_inbox_' || g, 'order.completed', $1, now(), '{}' FROM generate_series(1, 1000) g`,
    [PLAIN_ORG],
  );
  const unread = Math.ceil(options.own * 0.05);
  // In chunks, so that a 2,000,000-row fill shows progress and keeps each statement reasonable.
  const chunk = 250_000;
  for (let from = 1; from <= toAdd; from += chunk) {
    const to = Math.min(toAdd, from + chunk - 1);
    await pool.query(
      `INSERT INTO "Notification" (id, "userId", "eventId", type, category, title, body, reason, "createdAt", "readAt", "archivedAt")
       SELECT gen_random_uuid()::text,
              CASE WHEN g <= $1 THEN $2 ELSE 'u_fan_' || lpad((1 + g % $3)::text, 5, '0') END,
              'ev_inbox_' || (1 + g % 1000), 'order.completed', ($4::text[])[1 + g % 7],
              'Order ORD-' || g || ' completed', 'Your order for 5 × Microsoft 365 E3 was fulfilled.',
              'You placed this order', now() - (g || ' seconds')::interval,
              CASE WHEN g > $5 THEN now() END,
              CASE WHEN g % 10 = 3 THEN now() END
       FROM generate_series($6::int, $7::int) g`,
      [options.own, INBOX_USER, options.users, categories, unread, from, to],
    );
  }
  await pool.query(`VACUUM ANALYZE "Notification"`);
  await pool.query(`ANALYZE "Event"`);
  return { added: toAdd, total: existing + toAdd };
}
