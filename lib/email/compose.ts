// Turns a claimed delivery job into a ready-to-send email: the event's stored data (plus the
// decrypted sensitive fields for `to` recipients), the recipient's name and reseller branding,
// the rendered parts and the List-Unsubscribe headers.
import { decryptSecret } from "@/lib/crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getType, isNotificationType, type NotificationData, type NotificationType } from "@/lib/notifications/catalog";
import { brandFor } from "./branding";
import type { OutgoingEmail } from "./transport";
import type { EmailContext } from "./types";
import { createUnsubscribeToken } from "./unsubscribe-token";
import { whyText } from "./why";

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
}

/** A job that can never be sent as it stands (e.g. its event is gone): not worth retrying. */
export class UnsendableError extends Error {}

// React Email and the templates load with the first email rather than at start: a process that
// never renders one (its peers' workers took every job) does not carry them in memory.
let renderer: Promise<typeof import("./render")> | undefined;
const loadRenderer = () => (renderer ??= import("./render"));

function senderAddress(from: string) {
  return (/<([^>]+)>\s*$/.exec(from)?.[1] ?? from).trim();
}

/** EMAIL_FROM's address under the reseller's name, so the inbox shows who the mail is about. */
function senderFor(from: string, brandName: string) {
  return `"${brandName.replace(/["\\\r\n<>]/g, "")}" <${senderAddress(from)}>`;
}

export async function composeEmail(job: EmailJob): Promise<OutgoingEmail> {
  if (!isNotificationType(job.type)) throw new UnsendableError(`Unknown notification type ${job.type}`);
  const type: NotificationType = job.type;
  const definition = getType(type)!;
  const [event, user, notification] = await Promise.all([
    db.event.findUnique({ where: { id: job.eventId }, select: { data: true, trail: true, organizationId: true } }),
    job.userId ? db.user.findUnique({ where: { id: job.userId }, select: { name: true, organizationId: true } }) : null,
    job.notificationId
      ? db.notification.findUnique({ where: { id: job.notificationId }, select: { reason: true } })
      : null,
  ]);
  if (!event) throw new UnsendableError(`Event ${job.eventId} no longer exists`);
  const role = job.role === "cc" ? "cc" : "to";
  // Sensitive fields exist only in the job's encrypted secret, and only `to` recipients see them.
  const secrets = role === "to" && job.secret ? (JSON.parse(decryptSecret(job.secret)) as Record<string, unknown>) : {};
  const data = { ...(event.data as Record<string, unknown>), ...secrets } as NotificationData<NotificationType>;

  const config = env();
  const token = createUnsubscribeToken(job.userId ? { userId: job.userId, type } : { address: job.toAddress, type });
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
    why: whyText({ role, userId: job.userId, trail: event.trail, reason: notification?.reason }),
    typeLabel: definition.label,
    critical: definition.critical,
    actionUrl: path ? `${config.PORTAL_BASE_URL.replace(/\/$/, "")}${path}` : null,
    settingsUrl: `${config.APP_URL}/settings/notifications`,
    unsubscribeUrl,
  };
  const { renderEmail } = await loadRenderer();
  const rendered = await renderEmail(type, data, context);
  return {
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
  };
}
