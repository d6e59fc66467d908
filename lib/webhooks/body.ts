// The body of a webhook message (routing.md): built from the stored Event, which never holds a
// sensitive field, so a webhook cannot leak one. Built the same way on every retry: one message,
// the same bytes.
import { uuidv7 } from "@/lib/uuid";

export const TEST_TYPE = "webhook.test";

/** A message id in Standard Webhooks' style: "msg_" and a time-ordered unique part. */
export const newMessageId = () => `msg_${uuidv7().replaceAll("-", "")}`;

interface BodyEvent {
  externalId: string;
  organizationId: string;
  occurredAt: Date;
  actorId: string | null;
  data: unknown;
}

interface BodyMessage {
  type: string;
  createdAt: Date;
  /** The `data` of a message without an event (a test message). */
  data: unknown;
}

export function messageBody(message: BodyMessage, event: BodyEvent | null): string {
  const data = event
    ? {
        eventId: event.externalId,
        organizationId: event.organizationId,
        occurredAt: event.occurredAt.toISOString(),
        ...(event.actorId ? { actor: { userId: event.actorId } } : {}),
        payload: event.data,
      }
    : message.data;
  return JSON.stringify({ type: message.type, timestamp: message.createdAt.toISOString(), data });
}
