// Calls the webhooks API's route handlers as a signed-in user (see callRoute).
import * as collection from "@/app/api/organizations/[id]/webhooks/route";
import * as single from "@/app/api/organizations/[id]/webhooks/[webhookId]/route";
import * as rotate from "@/app/api/organizations/[id]/webhooks/[webhookId]/rotate-secret/route";
import * as test from "@/app/api/organizations/[id]/webhooks/[webhookId]/test/route";
import * as deliveries from "@/app/api/organizations/[id]/webhooks/[webhookId]/deliveries/route";
import * as retry from "@/app/api/organizations/[id]/webhooks/[webhookId]/deliveries/[deliveryId]/retry/route";
import { callRoute, sessionCookie } from "./integration";

const base = (org: string) => `/api/organizations/${org}/webhooks`;
const as = async (userId: string) => ({ cookie: await sessionCookie(userId) });

export const webhooksApi = {
  list: async (userId: string, org: string) =>
    callRoute(collection.GET, base(org), { params: { id: org }, headers: await as(userId) }),
  create: async (userId: string, org: string, body: unknown) =>
    callRoute(collection.POST, base(org), { params: { id: org }, body, headers: await as(userId) }),
  get: async (userId: string, org: string, id: string) =>
    callRoute(single.GET, `${base(org)}/${id}`, { params: { id: org, webhookId: id }, headers: await as(userId) }),
  patch: async (userId: string, org: string, id: string, body: unknown) =>
    callRoute(single.PATCH, `${base(org)}/${id}`, {
      method: "PATCH",
      params: { id: org, webhookId: id },
      body,
      headers: await as(userId),
    }),
  remove: async (userId: string, org: string, id: string) =>
    callRoute(single.DELETE, `${base(org)}/${id}`, {
      method: "DELETE",
      params: { id: org, webhookId: id },
      headers: await as(userId),
    }),
  rotate: async (userId: string, org: string, id: string) =>
    callRoute(rotate.POST, `${base(org)}/${id}/rotate-secret`, {
      method: "POST",
      params: { id: org, webhookId: id },
      headers: await as(userId),
    }),
  test: async (userId: string, org: string, id: string) =>
    callRoute(test.POST, `${base(org)}/${id}/test`, {
      method: "POST",
      params: { id: org, webhookId: id },
      headers: await as(userId),
    }),
  deliveries: async (userId: string, org: string, id: string, cursor?: string) =>
    callRoute(deliveries.GET, `${base(org)}/${id}/deliveries${cursor ? `?cursor=${cursor}` : ""}`, {
      params: { id: org, webhookId: id },
      headers: await as(userId),
    }),
  retry: async (userId: string, org: string, id: string, deliveryId: string) =>
    callRoute(retry.POST, `${base(org)}/${id}/deliveries/${deliveryId}/retry`, {
      method: "POST",
      params: { id: org, webhookId: id, deliveryId },
      headers: await as(userId),
    }),
};
