// Platform API keys. A key is shown once; only its SHA-256 hash is stored (the key is 256 random
// bits, so a fast hash is safe). Verified keys are cached briefly to keep ingest fast.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const KEY_PREFIX = "nck_";
const CACHE_MS = 10_000;
const LAST_USED_EVERY_MS = 60_000;

export interface ApiKeyIdentity {
  id: string;
  name: string;
}

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");
const cache = new Map<string, { identity: ApiKeyIdentity | null; until: number }>();
const lastUsedWrites = new Map<string, number>();

export async function createApiKey({ name, actorId }: { name: string; actorId?: string }) {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const record = await db.apiKey.create({ data: { name, prefix: key.slice(0, 12), hash: hashKey(key) } });
  await db.auditLog.create({ data: { actorId, action: "api_key.created", target: record.id, details: { name } } });
  return { id: record.id, name: record.name, prefix: record.prefix, createdAt: record.createdAt, key };
}

export function listApiKeys() {
  return db.apiKey.findMany({
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
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
  cache.clear();
  await db.auditLog.create({ data: { actorId, action: "api_key.revoked", target: id } });
  return true;
}

/** Resolves `Authorization: Bearer <key>` to the key's identity, or throws 401. */
export async function authenticateApiKey(authorization: string | null): Promise<ApiKeyIdentity> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match?.[1]) throw new AppError("unauthorized", "Send an API key as Authorization: Bearer <key>");
  const hash = hashKey(match[1]);
  const now = Date.now();
  let cached = cache.get(hash);
  if (!cached || cached.until < now) {
    const record = await db.apiKey.findUnique({ where: { hash }, select: { id: true, name: true, revokedAt: true } });
    cached = {
      identity: record && !record.revokedAt ? { id: record.id, name: record.name } : null,
      until: now + CACHE_MS,
    };
    if (cache.size > 1000) cache.clear();
    cache.set(hash, cached);
  }
  if (!cached.identity) throw new AppError("unauthorized", "This API key is unknown or revoked");
  const identity = cached.identity;
  if ((lastUsedWrites.get(identity.id) ?? 0) + LAST_USED_EVERY_MS < now) {
    lastUsedWrites.set(identity.id, now);
    void db.apiKey.update({ where: { id: identity.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  return identity;
}
