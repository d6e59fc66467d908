// The webhooks API as the settings page calls it (routing.md, "Webhooks").
import { requestJson } from "@/components/console/request-json";
import type { WebhookEndpointView } from "@/lib/webhooks/endpoints";

/** An endpoint as the API answers it (the server's view; a type-only import, nothing of the server is bundled). */
export type Endpoint = WebhookEndpointView;

export interface Attempt {
  at: string;
  httpStatus: number | null;
  durationMs: number;
  error?: string;
  responseExcerpt?: string;
}

export interface Delivery {
  id: string;
  eventId: string | null;
  type: string;
  status: "pending" | "delivered" | "failed";
  attempts: Attempt[];
  nextAttemptAt: string | null;
  createdAt: string;
}

interface EndpointInput {
  url: string;
  types: string[];
  description: string;
}

const base = (organizationId: string) => `/api/organizations/${encodeURIComponent(organizationId)}/webhooks`;
const one = (organizationId: string, id: string) => `${base(organizationId)}/${encodeURIComponent(id)}`;

export const webhooksClient = {
  create: (organizationId: string, body: EndpointInput) =>
    requestJson<Endpoint & { secret: string }>(base(organizationId), { method: "POST", body }),
  update: (organizationId: string, id: string, body: Partial<EndpointInput> & { enabled?: boolean }) =>
    requestJson<Endpoint>(one(organizationId, id), { method: "PATCH", body }),
  remove: (organizationId: string, id: string) => requestJson<null>(one(organizationId, id), { method: "DELETE" }),
  rotate: (organizationId: string, id: string) =>
    requestJson<{ secret: string; previousSecretExpiresAt: string }>(`${one(organizationId, id)}/rotate-secret`, {
      method: "POST",
    }),
  test: (organizationId: string, id: string) =>
    requestJson<{ delivery: { id: string; status: string }; attempt: Attempt }>(`${one(organizationId, id)}/test`, {
      method: "POST",
    }),
  deliveries: (organizationId: string, id: string, cursor?: string | null) =>
    requestJson<{ items: Delivery[]; nextCursor: string | null }>(
      `${one(organizationId, id)}/deliveries${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`,
      { method: "GET" },
    ),
  retry: (organizationId: string, id: string, deliveryId: string) =>
    requestJson<{ id: string; status: string }>(
      `${one(organizationId, id)}/deliveries/${encodeURIComponent(deliveryId)}/retry`,
      { method: "POST" },
    ),
};
