// Resend delivery webhooks (Svix-signed, the Standard Webhooks scheme): verify, record the event
// once per webhook id, move the delivery's status forward, suppress hard bounces and complaints.
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const kinds = {
  "email.sent": "sent",
  "email.delivered": "delivered",
  "email.delivery_delayed": "delivery_delayed",
  "email.bounced": "bounced",
  "email.complained": "complained",
  "email.failed": "failed",
} as const;

type Kind = (typeof kinds)[keyof typeof kinds];

// Statuses only move forward: a late "sent" must not hide "delivered".
const rank: Record<string, number> = {
  queued: 0,
  sending: 0,
  sent: 1,
  delivery_delayed: 2,
  delivered: 3,
  bounced: 4,
  complained: 4,
  failed: 4,
};

const payloadSchema = z.object({
  type: z.string(),
  created_at: z.string().optional(),
  data: z
    .object({
      email_id: z.string().optional(),
      to: z.union([z.string(), z.array(z.string())]).optional(),
      bounce: z
        .object({ type: z.string().optional(), subType: z.string().optional(), message: z.string().optional() })
        .partial()
        .optional(),
      failed: z.object({ reason: z.string().optional() }).partial().optional(),
      tags: z
        .union([z.record(z.string(), z.string()), z.array(z.object({ name: z.string(), value: z.string() }))])
        .optional(),
    })
    .passthrough(),
});

type WebhookOutcome = {
  status: "recorded" | "duplicate" | "ignored";
  deliveryId?: string;
  digestId?: string;
  kind?: Kind;
};

/** Throws AppError 401 for a missing, bad or stale signature (older than 5 minutes). */
export function verifyResendSignature(body: string, headers: Headers, secret: string): unknown {
  const header = (name: string) => headers.get(`svix-${name}`) ?? headers.get(`webhook-${name}`) ?? "";
  try {
    return new Webhook(secret).verify(body, {
      "webhook-id": header("id"),
      "webhook-timestamp": header("timestamp"),
      "webhook-signature": header("signature"),
    });
  } catch (error) {
    if (error instanceof WebhookVerificationError || error instanceof Error)
      throw new AppError("unauthorized", "Invalid webhook signature");
    throw error;
  }
}

function deliveryTag(tags: z.infer<typeof payloadSchema>["data"]["tags"]): string | undefined {
  if (!tags) return undefined;
  if (Array.isArray(tags)) return tags.find((tag) => tag.name === "delivery_id")?.value;
  return tags.delivery_id;
}

export async function handleResendWebhook(params: { webhookId: string; payload: unknown }): Promise<WebhookOutcome> {
  const parsed = payloadSchema.safeParse(params.payload);
  if (!parsed.success) throw new AppError("validation_failed", "Unrecognised webhook payload");
  const kind = kinds[parsed.data.type as keyof typeof kinds] as Kind | undefined;
  if (!kind) return { status: "ignored" }; // opened, clicked, scheduled, …: not tracked
  const { data } = parsed.data;

  const delivery =
    (data.email_id
      ? await db.emailDelivery.findFirst({
          where: { providerId: data.email_id },
          select: { id: true, toAddress: true },
        })
      : null) ??
    (deliveryTag(data.tags)
      ? await db.emailDelivery.findUnique({
          where: { id: deliveryTag(data.tags)! },
          select: { id: true, toAddress: true },
        })
      : null);
  const detail =
    [data.bounce?.type, data.bounce?.subType, data.bounce?.message, data.failed?.reason].filter(Boolean).join(" · ") ||
    null;
  const at =
    parsed.data.created_at && !Number.isNaN(Date.parse(parsed.data.created_at))
      ? new Date(parsed.data.created_at)
      : new Date();
  // A hard bounce (not "Transient") or a complaint: stop mailing that address.
  const suppress =
    kind === "complained" || (kind === "bounced" && !/transient|undetermined/i.test(data.bounce?.type ?? ""));
  const lower = Object.entries(rank)
    .filter(([, value]) => value < rank[kind]!)
    .map(([status]) => status);

  if (!delivery) {
    const digest = data.email_id
      ? await db.emailDigest.findFirst({ where: { providerId: data.email_id }, select: { id: true, userId: true } })
      : null;
    if (!digest) return { status: "ignored" }; // mail this service did not send
    return recordForDigest(digest, kind, detail, suppress, lower, data.to);
  }

  return db.$transaction(async (tx) => {
    // The unique webhookId makes a replay (same svix-id) a no-op.
    const created = await tx.emailEvent.createMany({
      data: [{ webhookId: params.webhookId, deliveryId: delivery.id, kind, detail, at }],
      skipDuplicates: true,
    });
    if (created.count === 0) return { status: "duplicate", deliveryId: delivery.id, kind };
    // "sending": the worker has not stored the send's answer yet; it keeps the status we set.
    await tx.emailDelivery.updateMany({
      where: { id: delivery.id, status: { in: lower } },
      data: { status: kind, ...(kind === "bounced" || kind === "failed" ? { lastError: detail ?? kind } : {}) },
    });
    if (suppress) {
      await tx.emailSuppression.upsert({
        where: { email: delivery.toAddress.toLowerCase() },
        create: { email: delivery.toAddress.toLowerCase(), reason: kind },
        // A bounce or complaint replaces an unsubscribe: it stops critical emails too.
        update: { reason: kind },
      });
    }
    return { status: "recorded", deliveryId: delivery.id, kind };
  });
}

/**
 * A digest's delivery news: its status moves forward and a hard bounce or complaint suppresses the
 * address, as for a single email. Digests keep no event rows: a replay finds the status already
 * moved and the address already suppressed, and changes nothing.
 */
async function recordForDigest(
  digest: { id: string; userId: string },
  kind: Kind,
  detail: string | null,
  suppress: boolean,
  lower: string[],
  to: string | string[] | undefined,
): Promise<WebhookOutcome> {
  const address =
    (Array.isArray(to) ? to[0] : to) ??
    (await db.user.findUnique({ where: { id: digest.userId }, select: { email: true } }))?.email;
  await db.$transaction(async (tx) => {
    await tx.emailDigest.updateMany({
      where: { id: digest.id, status: { in: lower } },
      data: { status: kind, ...(kind === "bounced" || kind === "failed" ? { lastError: detail ?? kind } : {}) },
    });
    if (suppress && address) {
      await tx.emailSuppression.upsert({
        where: { email: address.toLowerCase() },
        create: { email: address.toLowerCase(), reason: kind },
        update: { reason: kind },
      });
    }
  });
  return { status: "recorded", digestId: digest.id, kind };
}
