// Digests: one email per (user, window) listing the jobs held for it (EmailDelivery status "held",
// written by ingest with the EmailDigest row of their window: lib/notifications/store.ts).
//
// Exactly once, across restarts and instances:
// - a digest is claimed like a job (SKIP LOCKED, a lease renewed while it runs, attempts as claim
//   token); its id is the provider's idempotency key;
// - on its first claim it binds the user's held jobs due by its window (held → digested, digestId)
//   in the same transaction that sets boundAt: a job is bound to one digest only, and a retry after
//   a crash lists exactly the same jobs again (same key, same email);
// - a job whose window's digest was already bound when it arrived (its ingest committed just as
//   the window closed) is moved to a digest due now by the sweep (sweepLateJobs): never lost;
// - a window with nothing left to list ends "empty" and sends nothing.
import { db, query, sql } from "@/lib/db";
import { env } from "@/lib/env";
import { cleanLine, cleanText } from "@/lib/text/clean";
import { categories, categoryKeys, getType, type Category } from "@/lib/notifications/catalog";
import { knownTimezone, wallTime, formatMinute } from "@/lib/delivery-timing/zoned";
import { brandFor } from "./branding";
import { sharedRenderPool, TemplateError } from "./render-pool";
import type { RenderedEmail } from "./render";
import { senderFor, withSafeHeaders, type OutgoingEmail, type SendResult } from "./transport";
import type { DigestGroup, DigestProps } from "./types";
import { createUnsubscribeToken } from "./unsubscribe-token";
import { UnsendableError } from "./compose";

export interface DigestJob {
  id: string;
  userId: string;
  cadence: "hourly" | "daily";
  dueAt: Date;
  attempts: number;
}

/** Claims up to `limit` due digests (queued and due, or sending with an expired lease). */
export async function claimDueDigests(limit: number, leaseMs: number): Promise<DigestJob[]> {
  if (limit <= 0) return [];
  return db.$queryRaw<DigestJob[]>(sql`
    WITH due AS (
      SELECT id FROM "EmailDigest"
      WHERE (status = 'queued' AND "runAt" <= (now() AT TIME ZONE 'UTC'))
         OR (status = 'sending' AND "lockedUntil" < (now() AT TIME ZONE 'UTC'))
      ORDER BY "runAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "EmailDigest" AS g
    SET status = 'sending', attempts = g.attempts + 1,
        "lockedUntil" = (now() AT TIME ZONE 'UTC') + ${leaseMs}::int * interval '1 millisecond',
        "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM due WHERE g.id = due.id
    RETURNING g.id, g."userId", g.cadence::text AS cadence, g."dueAt", g.attempts`);
}

/** Pushes the lease of digests still in flight forward (see renewLeases in worker.ts). */
export async function renewDigestLeases(digests: DigestJob[], leaseMs: number) {
  if (digests.length === 0) return;
  await query(
    sql`UPDATE "EmailDigest" AS g
        SET "lockedUntil" = (now() AT TIME ZONE 'UTC') + ${leaseMs}::int * interval '1 millisecond'
        FROM unnest(${digests.map((d) => d.id)}::text[], ${digests.map((d) => d.attempts)}::int[]) AS mine(id, attempts)
        WHERE g.id = mine.id AND g.attempts = mine.attempts AND g.status = 'sending'`,
  );
}

/**
 * Held jobs left behind by a digest that was bound before they were stored (or whose digest row is
 * missing): into a digest of their user due now. Returns how many moved.
 */
export async function sweepLateJobs(graceMs = 60_000): Promise<number> {
  const rows = await query<{ moved: number }>(sql`
    WITH late AS (
      SELECT d.id FROM "EmailDelivery" d
      WHERE d.status = 'held'
        AND d."digestAt" < (now() AT TIME ZONE 'UTC') - ${graceMs}::int * interval '1 millisecond'
        AND NOT EXISTS (SELECT 1 FROM "EmailDigest" g
                        WHERE g."userId" = d."userId" AND g."dueAt" = d."digestAt" AND g."boundAt" IS NULL)
      FOR UPDATE SKIP LOCKED
    ), moved AS (
      UPDATE "EmailDelivery" d
      SET "digestAt" = date_trunc('second', now() AT TIME ZONE 'UTC'),
          "runAt" = date_trunc('second', now() AT TIME ZONE 'UTC'), "updatedAt" = now() AT TIME ZONE 'UTC'
      FROM late WHERE d.id = late.id
      RETURNING d."userId", d."digestAt"
    ), digests AS (
      INSERT INTO "EmailDigest" (id, "userId", cadence, "dueAt", "runAt", "createdAt", "updatedAt")
      SELECT DISTINCT ON ("userId") gen_random_uuid()::text, "userId", 'hourly', "digestAt", "digestAt",
             now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM moved
      ON CONFLICT ("userId", "dueAt") DO NOTHING
    )
    SELECT count(*)::int AS moved FROM moved`);
  return rows[0]?.moved ?? 0;
}

/** Binds the user's held jobs due by the digest's window, once (its first claim; a retry finds them bound). */
async function bindOnce(digest: DigestJob): Promise<void> {
  await db.$transaction(async (tx) => {
    const mine = await tx.$queryRaw<{ id: string }[]>(sql`
      UPDATE "EmailDigest" SET "boundAt" = (now() AT TIME ZONE 'UTC')
      WHERE id = ${digest.id} AND attempts = ${digest.attempts} AND status = 'sending' AND "boundAt" IS NULL
      RETURNING id`);
    if (mine.length === 0) return;
    // Sensitive fields never reach a digest (their types are always instant); erase any anyway.
    const bound = await tx.$executeRaw(sql`
      UPDATE "EmailDelivery"
      SET status = 'digested', "digestId" = ${digest.id}, secret = NULL, "updatedAt" = (now() AT TIME ZONE 'UTC')
      WHERE "userId" = ${digest.userId} AND status = 'held' AND "digestAt" <= ${digest.dueAt}`);
    await tx.$executeRaw(sql`UPDATE "EmailDigest" SET "itemCount" = ${bound} WHERE id = ${digest.id}`);
  });
}

interface DigestRow {
  id: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: Date;
  createdAt: Date;
}

export type DigestRenderer = (props: DigestProps) => Promise<RenderedEmail>;

/** The digest's email (or null when it ended here: empty, suppressed, deactivated). */
export async function prepareDigest(
  digest: DigestJob,
  render: DigestRenderer = (props) => sharedRenderPool().renderDigest(props),
): Promise<OutgoingEmail | null> {
  await bindOnce(digest);
  const [user, items] = await Promise.all([
    db.user.findUnique({
      where: { id: digest.userId },
      select: { name: true, email: true, active: true, organizationId: true, timezone: true },
    }),
    db.$queryRaw<DigestRow[]>(sql`
      SELECT d.id, d.type, e.data, e."occurredAt", d."createdAt"
      FROM "EmailDelivery" d JOIN "Event" e ON e.id = d."eventId"
      WHERE d."digestId" = ${digest.id}
      ORDER BY d."createdAt", d.id`),
  ]);
  if (items.length === 0) {
    await endDigest(digest, "empty", null);
    return null;
  }
  if (!user?.active) {
    await endDigest(digest, "suppressed", "recipient deactivated");
    return null;
  }
  const suppression = await db.emailSuppression.findUnique({ where: { email: user.email.toLowerCase() } });
  if (suppression) {
    await endDigest(digest, "suppressed", `address suppressed (${suppression.reason})`);
    return null;
  }
  const config = env();
  const timezone = knownTimezone(user.timezone);
  const portal = config.PORTAL_BASE_URL.replace(/\/$/, "");
  const weekday = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone: timezone });
  const when = (at: Date) => `${weekday.format(at)} ${formatMinute(wallTime(at, timezone).minute)}`;
  const byCategory = new Map<Category, DigestGroup>();
  for (const item of items) {
    const definition = getType(item.type);
    if (!definition) continue;
    let content: { title: string; body: string; path: string | null };
    try {
      content = definition.render(item.data as never);
    } catch {
      content = { title: definition.label, body: "", path: null };
    }
    const group = byCategory.get(definition.category) ?? {
      category: definition.category,
      label: categories[definition.category].label,
      items: [],
    };
    // As in the inbox (lib/notifications/ingest.ts): event text without line breaks in titles, controls or bidi characters.
    group.items.push({
      title: cleanLine(content.title),
      body: cleanText(content.body),
      url: content.path ? `${portal}${content.path}` : null,
      time: when(item.createdAt),
    });
    byCategory.set(definition.category, group);
  }
  const groups = categoryKeys.flatMap((key) => byCategory.get(key) ?? []);
  // The link's lifetime counts from the window's end, so a retry renders the very same email (the
  // provider refuses the same idempotency key with another body).
  const token = createUnsubscribeToken(
    { userId: digest.userId, categories: groups.map((g) => g.category as Category) },
    digest.dueAt.getTime(),
  );
  const unsubscribeUrl = `${config.APP_URL}/unsubscribe?token=${token}`;
  const first = items[0]!.createdAt;
  const props: DigestProps = {
    heading: digest.cadence === "daily" ? "Your daily digest" : "Your hourly digest",
    period: `since ${when(first)} (${timezone})`,
    groups,
    context: {
      brand: await brandFor(user.organizationId),
      recipientName: user.name,
      role: "to",
      why: `You get a ${digest.cadence} digest because your email cadence for ${groups.map((g) => g.label).join(", ")} is a digest. Critical notifications still come at once.`,
      typeLabel: `${groups.map((g) => g.label).join(", ")} digest`,
      critical: false,
      actionUrl: null,
      settingsUrl: `${config.APP_URL}/settings/notifications`,
      unsubscribeUrl,
    },
  };
  const rendered = await render(props).catch((error: unknown) => {
    throw error instanceof TemplateError ? new UnsendableError(error.message) : error;
  });
  return withSafeHeaders({
    id: digest.id,
    from: senderFor(config.EMAIL_FROM, props.context.brand.name),
    to: user.email,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "X-Entity-Ref-ID": digest.id,
    },
  });
}

const owned = (digest: DigestJob) => sql`id = ${digest.id} AND attempts = ${digest.attempts} AND status = 'sending'`;

/** Ends a digest that sends nothing; its jobs take the same status. */
async function endDigest(digest: DigestJob, status: "empty" | "suppressed", reason: string | null) {
  await db.$transaction([
    db.$executeRaw(sql`
      UPDATE "EmailDigest" SET status = ${status}, "lockedUntil" = NULL, "lastError" = ${reason},
             "updatedAt" = (now() AT TIME ZONE 'UTC')
      WHERE ${owned(digest)}`),
    db.$executeRaw(sql`
      UPDATE "EmailDelivery" SET status = ${status}, "lastError" = ${reason}, "updatedAt" = (now() AT TIME ZONE 'UTC')
      WHERE "digestId" = ${digest.id} AND status = 'digested'`),
  ]);
}

/** Records the send's outcome on the digest and on each of its jobs (their trail and inbox show it). */
export async function finishDigest(
  digest: DigestJob,
  subject: string | null,
  result: SendResult,
  timing: { maxAttempts: number; backoff: (attempt: number, retryAfterMs?: number) => number },
): Promise<"sent" | "retry" | "failed" | "dead"> {
  const at = new Date();
  if (result.ok) {
    const detail = `#${digest.attempts}: sent in a ${digest.cadence} digest (${result.providerId})`;
    await db.$transaction([
      db.$executeRaw(sql`
        UPDATE "EmailDigest"
        SET status = CASE WHEN status = 'sending' THEN 'sent' ELSE status END, "providerId" = ${result.providerId},
            "sentAt" = ${at}, subject = ${subject}, "lockedUntil" = NULL, "lastError" = NULL, "updatedAt" = ${at}
        WHERE id = ${digest.id} AND attempts = ${digest.attempts} AND status NOT IN ('queued', 'dead', 'suppressed')`),
      db.$executeRaw(sql`
        INSERT INTO "EmailEvent" (id, "deliveryId", kind, detail, at)
        SELECT gen_random_uuid()::text, id, 'attempt', ${detail}, ${at} FROM "EmailDelivery"
        WHERE "digestId" = ${digest.id} AND status = 'digested'`),
      db.$executeRaw(sql`
        UPDATE "EmailDelivery" SET status = 'sent', "sentAt" = ${at}, subject = ${subject}, "lastError" = NULL,
               "updatedAt" = ${at}
        WHERE "digestId" = ${digest.id} AND status = 'digested'`),
    ]);
    return "sent";
  }
  if (result.retryable && digest.attempts < timing.maxAttempts) {
    const delay = timing.backoff(digest.attempts, result.retryAfterMs);
    await db.$executeRaw(sql`
      UPDATE "EmailDigest" SET status = 'queued', "runAt" = ${new Date(Date.now() + delay)}, "lockedUntil" = NULL,
             "lastError" = ${result.error}, subject = ${subject}, "updatedAt" = ${at}
      WHERE ${owned(digest)}`);
    return "retry";
  }
  const status = result.retryable ? "dead" : "failed";
  await db.$transaction([
    db.$executeRaw(sql`
      UPDATE "EmailDigest" SET status = ${status}, "lockedUntil" = NULL, "lastError" = ${result.error},
             subject = ${subject}, "updatedAt" = ${at}
      WHERE ${owned(digest)}`),
    db.$executeRaw(sql`
      UPDATE "EmailDelivery" SET status = ${status}, "lastError" = ${result.error}, "updatedAt" = ${at}
      WHERE "digestId" = ${digest.id} AND status = 'digested'`),
  ]);
  return status;
}
