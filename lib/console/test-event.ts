// "Send a test event" from the console: the same ingest path as the platform API (validation,
// recipients, preferences, storage, realtime, email), with source "console" and an id of our own.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { ingestEvent } from "@/lib/notifications/ingest";

export const testEventSchema = z.object({
  type: z.string().min(1).max(100),
  organizationId: z.string().min(1).max(200),
  actorId: z.string().min(1).max(200).optional(),
  data: z.record(z.string(), z.unknown()),
});

type TestEventInput = z.infer<typeof testEventSchema>;

export async function sendTestEvent(input: TestEventInput, { sentBy }: { sentBy: string }) {
  const envelope = {
    id: `evt_console_${randomUUID()}`,
    type: input.type,
    occurredAt: new Date().toISOString(),
    organizationId: input.organizationId,
    ...(input.actorId ? { actor: { userId: input.actorId } } : {}),
    data: input.data,
  };
  // Throws the pipeline's own 422 (type, organization or data invalid, listed by JSON path).
  const result = await ingestEvent(envelope, { source: "console", apiKeyId: null });
  const event = await db.event.findUniqueOrThrow({
    where: { source_externalId: { source: "console", externalId: envelope.id } },
    select: { id: true },
  });
  await db.auditLog.create({
    data: {
      actorId: sentBy,
      action: "test_event.sent",
      target: event.id,
      details: { type: input.type, organizationId: input.organizationId },
    },
  });
  return { ...result, id: event.id, url: `/admin/events/${event.id}` };
}
