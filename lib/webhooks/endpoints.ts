// An organization's webhook endpoints: register, list, change, pause, delete, rotate the secret.
// Authorization (may the actor manage this organization) is the caller's: authorizeOrganization.
// Secrets are stored encrypted (lib/crypto) and shown once, on creation and on rotation.
import { db, sql } from "@/lib/db";
import { decryptSecret, encryptSecret } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { checkWebhookUrl, defaultPolicy, UnsafeTargetError, type AddressPolicy } from "./address-guard";
import { generateWebhookSecret } from "./signing";
import type { CreateWebhookBody, UpdateWebhookBody } from "./schemas";
import { webhookWake } from "./queue";

export const MAX_ENDPOINTS_PER_ORGANIZATION = 20;
/** How long the previous secret keeps signing after a rotation. */
const PREVIOUS_SECRET_TTL_MS = 24 * 60 * 60 * 1000;

export interface WebhookEndpointView {
  id: string;
  organizationId: string;
  url: string;
  types: string[];
  description: string;
  enabled: boolean;
  /** "failing" when the worker disabled it after 3 days of failures; null otherwise. */
  disabledReason: string | null;
  failingSince: string | null;
  createdAt: string;
  updatedAt: string;
}

type EndpointRow = Awaited<ReturnType<typeof db.webhookEndpoint.findFirstOrThrow>>;

export function toEndpointView(row: EndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    organizationId: row.organizationId,
    url: row.url,
    types: row.types,
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** 422 in the API's shape for a URL the safety rules refuse. */
async function checkedUrl(url: string, policy: AddressPolicy): Promise<string> {
  try {
    return (await checkWebhookUrl(url, policy)).toString();
  } catch (error) {
    if (!(error instanceof UnsafeTargetError)) throw error;
    throw new AppError("validation_failed", `Invalid request: url ${error.message}`, [
      { path: "url", message: error.message, code: "unsafe_url" },
    ]);
  }
}

async function audit(actorId: string, action: string, endpoint: { id: string; organizationId: string }, details = {}) {
  await db.auditLog.create({
    data: {
      actorId,
      action,
      target: `webhook:${endpoint.id}`,
      details: { organizationId: endpoint.organizationId, ...details },
    },
  });
}

export async function listEndpoints(organizationId: string): Promise<WebhookEndpointView[]> {
  const rows = await db.webhookEndpoint.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" } });
  return rows.map(toEndpointView);
}

/** The endpoint row; 404 unless it belongs to this organization. */
export async function findEndpoint(organizationId: string, endpointId: string): Promise<EndpointRow> {
  const row = await db.webhookEndpoint.findFirst({ where: { id: endpointId, organizationId } });
  if (!row) throw new AppError("not_found", "Webhook endpoint not found");
  return row;
}

export async function createEndpoint(params: {
  organizationId: string;
  actorId: string;
  body: CreateWebhookBody;
  policy?: AddressPolicy;
}): Promise<WebhookEndpointView & { secret: string }> {
  const url = await checkedUrl(params.body.url, params.policy ?? defaultPolicy());
  const secret = generateWebhookSecret();
  const row = await db.$transaction(async (tx) => {
    // Serializes creations per organization so the limit holds under concurrent requests.
    await tx.$queryRaw(sql`SELECT id FROM "Organization" WHERE id = ${params.organizationId} FOR NO KEY UPDATE`);
    const count = await tx.webhookEndpoint.count({ where: { organizationId: params.organizationId } });
    if (count >= MAX_ENDPOINTS_PER_ORGANIZATION)
      throw new AppError(
        "conflict",
        `An organization can have at most ${MAX_ENDPOINTS_PER_ORGANIZATION} webhook endpoints`,
      );
    return tx.webhookEndpoint.create({
      data: {
        organizationId: params.organizationId,
        url,
        types: params.body.types,
        description: params.body.description ?? "",
        enabled: params.body.enabled ?? true,
        secret: encryptSecret(secret),
        createdById: params.actorId,
      },
    });
  });
  await audit(params.actorId, "webhook.created", row, { url, types: row.types });
  return { ...toEndpointView(row), secret };
}

export async function updateEndpoint(params: {
  organizationId: string;
  endpointId: string;
  actorId: string;
  body: UpdateWebhookBody;
  policy?: AddressPolicy;
}): Promise<WebhookEndpointView> {
  const current = await findEndpoint(params.organizationId, params.endpointId);
  const { body } = params;
  const url = body.url === undefined ? undefined : await checkedUrl(body.url, params.policy ?? defaultPolicy());
  const enabling = body.enabled === true && !current.enabled;
  const row = await db.webhookEndpoint.update({
    where: { id: current.id },
    data: {
      ...(url !== undefined ? { url } : {}),
      ...(body.types !== undefined ? { types: body.types } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
      // Turning it on again (after a pause or after the worker disabled it) starts a new failure window.
      ...(body.enabled !== undefined ? { disabledReason: null } : {}),
      ...(enabling ? { failingSince: null } : {}),
    },
  });
  await audit(params.actorId, "webhook.updated", row, { changes: body });
  // Messages that waited while it was off are due again.
  if (enabling) webhookWake.wake();
  return toEndpointView(row);
}

export async function deleteEndpoint(params: { organizationId: string; endpointId: string; actorId: string }) {
  const current = await findEndpoint(params.organizationId, params.endpointId);
  await db.webhookEndpoint.delete({ where: { id: current.id } });
  await audit(params.actorId, "webhook.deleted", current, { url: current.url });
}

/** A new secret; the old one keeps signing for 24 hours. */
export async function rotateSecret(params: {
  organizationId: string;
  endpointId: string;
  actorId: string;
  now?: Date;
}): Promise<{ secret: string; previousSecretExpiresAt: string }> {
  const current = await findEndpoint(params.organizationId, params.endpointId);
  const secret = generateWebhookSecret();
  const expires = new Date((params.now ?? new Date()).getTime() + PREVIOUS_SECRET_TTL_MS);
  await db.webhookEndpoint.update({
    where: { id: current.id },
    data: { secret: encryptSecret(secret), previousSecret: current.secret, previousSecretExpiresAt: expires },
  });
  await audit(params.actorId, "webhook.secret_rotated", current);
  return { secret, previousSecretExpiresAt: expires.toISOString() };
}

/** The secrets that sign a send now: the current one, and the previous one within 24 h of a rotation. */
export function signingSecrets(
  endpoint: Pick<EndpointRow, "secret" | "previousSecret" | "previousSecretExpiresAt">,
  now: Date,
): string[] {
  const secrets = [decryptSecret(endpoint.secret)];
  if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now)
    secrets.push(decryptSecret(endpoint.previousSecret));
  return secrets;
}
