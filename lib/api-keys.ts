// Platform API keys. A key is shown once; only its SHA-256 hash is stored (the key is 256 random
// bits, so a fast hash is safe). Each key carries the scopes it was created with. Verified keys
// are cached to keep ingest fast; a revocation drops the cache on every instance at once
// (lib/cache/invalidation.ts), and the cache's lifetime only bounds a missed notice.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { invalidate, onInvalidate } from "@/lib/cache/invalidation";
import { apiKeyScopes, isApiKeyScope, type ApiKeyScope } from "@/lib/api-key-scopes";

const KEY_PREFIX = "nck_";
const CACHE_MS = 10_000;
const LAST_USED_EVERY_MS = 60_000;

export interface ApiKeyIdentity {
  id: string;
  name: string;
  scopes: readonly ApiKeyScope[];
}

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");
// On globalThis: Next bundles route handlers apart from each other and from server.ts.
const holder = globalThis as unknown as {
  __apiKeyCache?: { keys: Map<string, { identity: ApiKeyIdentity | null; until: number }>; generation: number };
};
const cache = (holder.__apiKeyCache ??= { keys: new Map(), generation: 0 });
onInvalidate("api-keys", () => {
  cache.keys.clear();
  cache.generation++;
});
const lastUsedWrites = new Map<string, number>();

/** Keeps the known scopes, in their canonical order, once each. */
const normalizeScopes = (scopes: readonly string[]) => apiKeyScopes.filter((scope) => scopes.includes(scope));

export async function createApiKey({
  name,
  scopes,
  actorId,
}: {
  name: string;
  scopes: readonly ApiKeyScope[];
  actorId?: string;
}) {
  const chosen = normalizeScopes(scopes);
  if (chosen.length === 0 || scopes.some((scope) => !isApiKeyScope(scope)))
    throw new AppError("validation_failed", `Choose the key's scopes among ${apiKeyScopes.join(", ")}`, [
      { path: "scopes", message: `must list one or more of ${apiKeyScopes.join(", ")}` },
    ]);
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const record = await db.apiKey.create({
    data: { name, prefix: key.slice(0, 12), hash: hashKey(key), scopes: chosen },
  });
  await db.auditLog.create({
    data: { actorId, action: "api_key.created", target: record.id, details: { name, scopes: chosen } },
  });
  return { id: record.id, name: record.name, prefix: record.prefix, scopes: chosen, createdAt: record.createdAt, key };
}

export function listApiKeys() {
  return db.apiKey.findMany({
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiKey({ id, actorId }: { id: string; actorId?: string }) {
  const result = await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (result.count === 0) {
    const exists = await db.apiKey.findUnique({ where: { id }, select: { id: true } });
    if (!exists) throw new AppError("not_found", `No API key with id ${id}`);
    return false;
  }
  // Here at once, and on the other instances as soon as they hear the notice.
  await invalidate("api-keys");
  await db.auditLog.create({ data: { actorId, action: "api_key.revoked", target: id } });
  return true;
}

/** Resolves `Authorization: Bearer <key>` to the key's identity, or throws 401. */
export async function authenticateApiKey(authorization: string | null): Promise<ApiKeyIdentity> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match?.[1]) throw new AppError("unauthorized", "Send an API key as Authorization: Bearer <key>");
  const hash = hashKey(match[1]);
  const now = Date.now();
  let cached = cache.keys.get(hash);
  if (!cached || cached.until < now) {
    const generation = cache.generation;
    const record = await db.apiKey.findUnique({
      where: { hash },
      select: { id: true, name: true, scopes: true, revokedAt: true },
    });
    cached = {
      identity:
        record && !record.revokedAt
          ? Object.freeze({ id: record.id, name: record.name, scopes: normalizeScopes(record.scopes) })
          : null,
      until: now + CACHE_MS,
    };
    // A read that overlapped a revocation may predate it: use it for this request, do not keep it.
    if (generation === cache.generation) {
      if (cache.keys.size > 1000) cache.keys.clear();
      cache.keys.set(hash, cached);
    }
  }
  if (!cached.identity) throw new AppError("unauthorized", "This API key is unknown or revoked");
  const identity = cached.identity;
  if ((lastUsedWrites.get(identity.id) ?? 0) + LAST_USED_EVERY_MS < now) {
    lastUsedWrites.set(identity.id, now);
    void db.apiKey.update({ where: { id: identity.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  return identity;
}
