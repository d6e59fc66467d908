// The webhook side of an event's delivery trail, for the console: each message with every attempt,
// and each endpoint up the tree that got nothing, with why (paused, disabled after failures, not
// subscribed to the type, or registered after the event). Answers "why did Contoso's endpoint
// (not) get this?".
import { db } from "@/lib/db";
import { loadAncestorChains } from "@/lib/preferences/org-tree";
import { toAttemptView } from "./messages";
import type { AttemptView } from "./deliver";

export interface WebhookTrailDelivery {
  id: string;
  endpointId: string;
  url: string;
  organizationId: string;
  organizationName: string;
  status: "pending" | "delivered" | "failed";
  attempts: AttemptView[];
  nextAttemptAt: Date | null;
}

export interface WebhookTrailSkip {
  endpointId: string;
  url: string;
  organizationName: string;
  reason: string;
}

export async function getWebhookTrail(event: {
  id: string;
  type: string;
  organizationId: string;
  receivedAt: Date;
}): Promise<{ deliveries: WebhookTrailDelivery[]; skipped: WebhookTrailSkip[] }> {
  const chain = (await loadAncestorChains([event.organizationId])).get(event.organizationId) ?? [];
  const names = new Map(chain.map((org) => [org.id, org.name]));
  const [messages, endpoints] = await Promise.all([
    db.webhookMessage.findMany({
      where: { eventId: event.id },
      orderBy: { createdAt: "asc" },
      include: {
        endpoint: { select: { url: true, organizationId: true } },
        attemptLog: { orderBy: { at: "asc" } },
      },
    }),
    db.webhookEndpoint.findMany({
      where: { organizationId: { in: chain.map((org) => org.id) } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const reached = new Set(messages.map((m) => m.endpointId));
  return {
    deliveries: messages.map((m) => ({
      id: m.id,
      endpointId: m.endpointId,
      url: m.endpoint.url,
      organizationId: m.endpoint.organizationId,
      organizationName: names.get(m.endpoint.organizationId) ?? m.endpoint.organizationId,
      status: m.status === "delivered" || m.status === "failed" ? m.status : "pending",
      attempts: m.attemptLog.map(toAttemptView),
      nextAttemptAt: m.status === "pending" ? m.runAt : null,
    })),
    skipped: endpoints
      .filter((endpoint) => !reached.has(endpoint.id))
      .map((endpoint) => ({
        endpointId: endpoint.id,
        url: endpoint.url,
        organizationName: names.get(endpoint.organizationId) ?? endpoint.organizationId,
        reason: skipReason(endpoint, event),
      })),
  };
}

function skipReason(
  endpoint: { types: string[]; enabled: boolean; disabledReason: string | null; createdAt: Date },
  event: { type: string; receivedAt: Date },
): string {
  if (endpoint.createdAt > event.receivedAt) return "registered after this event arrived";
  if (!endpoint.types.includes("*") && !endpoint.types.includes(event.type))
    return `not subscribed to ${event.type} (subscribes to ${endpoint.types.join(", ")})`;
  if (!endpoint.enabled)
    return endpoint.disabledReason === "failing"
      ? "disabled after 3 days of failed deliveries (now, perhaps not when the event arrived)"
      : "paused (now, perhaps not when the event arrived)";
  return "enabled and subscribed now; it was paused or subscribed to other types when the event arrived";
}
