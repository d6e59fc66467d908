// The event envelope the platform posts (architecture.md, Platform API). The catalog gives each
// type's `data` schema; the envelope is validated first, then `data` against its type.
import { z } from "zod";
import { notificationTypes } from "@/lib/notifications/catalog";
import { platformIdSchema as platformId } from "@/lib/directory/schemas";

export const MAX_BATCH_EVENTS = 500;

export const eventEnvelopeSchema = z.object({
  id: z.string().trim().min(1).max(200),
  type: z.enum(notificationTypes, { error: (issue) => `unknown type ${JSON.stringify(issue.input)}` }),
  occurredAt: z.iso.datetime({ offset: true }),
  organizationId: platformId,
  actor: z.object({ userId: platformId.optional(), name: z.string().trim().min(1).max(200).optional() }).optional(),
  recipients: z
    .object({
      userIds: z.array(platformId).max(1000).default([]),
      emails: z.array(z.email().max(320)).max(100).default([]),
    })
    .optional(),
  data: z.record(z.string(), z.unknown()),
});

export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

export const eventBatchSchema = z.object({
  events: z.array(z.unknown()).min(1).max(MAX_BATCH_EVENTS, `a batch holds at most ${MAX_BATCH_EVENTS} events`),
});

export const ingestResultSchema = z.object({
  eventId: z.string(),
  status: z.enum(["accepted", "duplicate"]),
  notifications: z.number().int(),
});
