// Turns a claimed delivery job into a ready-to-send email: the event's stored data (plus the
// decrypted sensitive fields for `to` recipients), the recipient's name and reseller branding,
// the rendered parts and the List-Unsubscribe headers.
import { decryptSecret } from "@/lib/crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getType, isNotificationType, type NotificationData, type NotificationType } from "@/lib/notifications/catalog";
import { brandFor } from "./branding";
import { sharedRenderPool, TemplateError } from "./render-pool";
import type { RenderedEmail } from "./render";
import { senderFor, withSafeHeaders, type OutgoingEmail } from "./transport";
import type { EmailContext } from "./types";
import { createUnsubscribeToken } from "./unsubscribe-token";
import { recipientSources, whyText, type RecipientSourceInfo } from "./why";

export interface EmailJob {
  id: string;
  eventId: string;
  notificationId: string | null;
  userId: string | null;
  toAddress: string;
  type: string;
  role: string;
  secret: string | null;
  attempts: number;
  createdAt: Date;
}

/** A job that can never be sent as it stands (e.g. its event is gone): not worth retrying. */
export class UnsendableError extends Error {}

/** Renders the parts of one email; the worker's render pool by default. */
type Renderer = (
  type: NotificationType,
  data: NotificationData<NotificationType>,
  context: EmailContext,
) => Promise<RenderedEmail>;

// An event's data and trail never change once stored, and a fan-out's jobs all read the same
// event, whose trail holds every recipient (~1 MB for 10,000): read and unpack it once, not per email.
interface StoredEvent {
  data: Record<string, unknown>;
  organizationId: string;
  externalId: string;
  traceparent: string | null;
  sources: Map<string, RecipientSourceInfo>;
}
// Two batches of 100 jobs of different events fit.
const EVENT_CACHE_SIZE = 256;
const events = new Map<string, Promise<StoredEvent | null>>();

const eventColumns = {
  id: true,
  data: true,
  trail: true,
  organizationId: true,
  externalId: true,
  traceparent: true,
} as const;

/** Reads the events not cached yet, all in one statement, into the cache. */
function loadEvents(eventIds: string[]) {
  const missing = [...new Set(eventIds)].filter((id) => !events.has(id));
  if (missing.length === 0) return;
  const loading = db.event.findMany({ where: { id: { in: missing } }, select: eventColumns }).then(
    (rows) =>
      new Map(
        rows.map((event) => [
          event.id,
          {
            data: event.data as Record<string, unknown>,
            organizationId: event.organizationId,
            externalId: event.externalId,
            traceparent: event.traceparent,
            sources: recipientSources(event.trail),
          },
        ]),
      ),
  );
  for (const id of missing) {
    const one = loading.then((found) => found.get(id) ?? null);
    events.set(id, one);
    // A miss (deleted event) or a failed read is not kept.
    one.then(
      (event) => event ?? events.delete(id),
      () => events.delete(id),
    );
  }
  // Oldest first out: Map keeps insertion order.
  while (events.size > EVENT_CACHE_SIZE) events.delete(events.keys().next().value!);
}

function storedEvent(eventId: string): Promise<StoredEvent | null> {
  loadEvents([eventId]);
  return events.get(eventId)!;
}

/**
 * The events of a batch of jobs, read in one statement (a backlog of one-recipient events has a
 * different event per job); composeEmail and eventTrace then find them cached.
 */
export function preloadEvents(jobs: EmailJob[]) {
  loadEvents(jobs.map((job) => job.eventId));
}

/** The platform's id and the trace of a job's event (cached with the rest of the event), for the send's span. */
export async function eventTrace(eventId: string) {
  const event = await storedEvent(eventId).catch(() => null);
  return { eventId: event?.externalId ?? "", traceparent: event?.traceparent ?? null };
}

/** What a batch's emails need to know about their recipients, read in one statement each for the whole batch. */
interface Recipients {
  suppressions: Map<string, string>;
  users: Map<string, { active: boolean; name: string | null; organizationId: string }>;
  reasons: Map<string, string | null>;
}

export async function loadRecipients(jobs: EmailJob[]): Promise<Recipients> {
  const ids = (pick: (job: EmailJob) => string | null) => [...new Set(jobs.map(pick).filter((id) => id !== null))];
  const [suppressions, users, notifications] = await Promise.all([
    db.emailSuppression.findMany({
      where: { email: { in: ids((job) => job.toAddress.toLowerCase()) } },
      select: { email: true, reason: true },
    }),
    db.user.findMany({
      where: { id: { in: ids((job) => job.userId) } },
      select: { id: true, active: true, name: true, organizationId: true },
    }),
    db.notification.findMany({
      where: { id: { in: ids((job) => job.notificationId) } },
      select: { id: true, reason: true },
    }),
  ]);
  return {
    suppressions: new Map(suppressions.map((row) => [row.email, row.reason])),
    users: new Map(users.map(({ id, ...user }) => [id, user])),
    reasons: new Map(notifications.map((row) => [row.id, row.reason])),
  };
}

export async function composeEmail(
  job: EmailJob,
  recipients?: Recipients,
  render: Renderer = (...args) => sharedRenderPool().render(...args),
): Promise<OutgoingEmail> {
  if (!isNotificationType(job.type)) throw new UnsendableError(`Unknown notification type ${job.type}`);
  const type: NotificationType = job.type;
  const definition = getType(type)!;
  const [event, known] = await Promise.all([storedEvent(job.eventId), recipients ?? loadRecipients([job])]);
  const user = job.userId ? known.users.get(job.userId) : undefined;
  const reason = job.notificationId ? known.reasons.get(job.notificationId) : undefined;
  if (!event) throw new UnsendableError(`Event ${job.eventId} no longer exists`);
  // A bcc recipient's email reads like a To (it is never told who else got it).
  const role = job.role === "cc" ? "cc" : "to";
  // Sensitive fields exist only in the job's encrypted secret, and only `to` recipients see them.
  const secrets =
    job.role === "to" && job.secret ? (JSON.parse(decryptSecret(job.secret)) as Record<string, unknown>) : {};
  const data = { ...event.data, ...secrets } as NotificationData<NotificationType>;

  const config = env();
  // The link's lifetime counts from the job's creation, not from this render: an email sent again
  // after a crash must be the same email, or the provider refuses it under the same idempotency key.
  const token = createUnsubscribeToken(
    job.userId ? { userId: job.userId, type } : { address: job.toAddress, type },
    job.createdAt.getTime(),
  );
  const unsubscribeUrl = `${config.APP_URL}/unsubscribe?token=${token}`;
  let path: string | null = null;
  try {
    path = definition.render(data as never).path;
  } catch {
    path = null; // a link is a convenience: never fail the email over it
  }
  const context: EmailContext = {
    brand: await brandFor(user?.organizationId ?? event.organizationId),
    recipientName: user?.name ?? null,
    role,
    why: whyText({
      role,
      userId: job.userId,
      address: job.toAddress,
      sources: event.sources,
      reason,
    }),
    typeLabel: definition.label,
    critical: definition.critical,
    actionUrl: path ? `${config.PORTAL_BASE_URL.replace(/\/$/, "")}${path}` : null,
    settingsUrl: `${config.APP_URL}/settings/notifications`,
    unsubscribeUrl,
  };
  const rendered = await render(type, data, context).catch((error: unknown) => {
    // A template that throws throws again on a retry: final. A render thread that died is not.
    throw error instanceof TemplateError ? new UnsendableError(error.message) : error;
  });
  // The subject is made of event fields: one clean line, never a header break.
  return withSafeHeaders({
    id: job.id,
    from: senderFor(config.EMAIL_FROM, context.brand.name),
    to: job.toAddress,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    headers: {
      // One-click (RFC 8058) only: a mailto address would promise an inbox nobody reads.
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      // A stable per-job id keeps mail clients from threading unrelated notifications together.
      "X-Entity-Ref-ID": job.id,
    },
  });
}
