// Wraps a Platform API route handler: authenticates the API key (401), checks that the key holds
// the route's scope (403), rate limits per key (429 with Retry-After), awaits the route params and
// maps every error to the standard error shape.
import { authenticateApiKey, type ApiKeyIdentity } from "@/lib/api-keys";
import type { ApiKeyScope } from "@/lib/api-key-scopes";
import { AppError, errorResponse } from "@/lib/errors";
import { createSharedRateLimiter } from "@/lib/rate-limit";
import { clientAddressOf } from "@/lib/client-address";
import { throttleHit } from "@/lib/throttle";
import { env } from "@/lib/env";

type Params = Record<string, string | string[]>;

// API_RATE_LIMIT_PER_MINUTE per key, counted by every instance together (lib/rate-limit.ts).
let limiter: ReturnType<typeof createSharedRateLimiter> | undefined;
function rateLimiter() {
  limiter ??= createSharedRateLimiter({
    name: "api-key-requests",
    limit: env().API_RATE_LIMIT_PER_MINUTE,
    windowMs: 60_000,
  });
  return limiter;
}

// Failed key checks per client address, counted on every instance together (lib/throttle.ts). Keys
// are 256 random bits, so this is about load and noise, not guessing. Once an address is over the
// limit this instance refuses it without a database round trip until the window ends.
const FAILED_CHECKS = { limit: 60, windowMs: 60_000 };
const blockedUntil = new Map<string, number>();

function tooManyFailures(retryAfterSeconds: number) {
  return new AppError(
    "rate_limited",
    `Too many requests with invalid API keys from this address; retry in ${retryAfterSeconds} s`,
    undefined,
    { "Retry-After": String(retryAfterSeconds) },
  );
}

async function authenticateApiKeyThrottled(request: Request) {
  const address = clientAddressOf(request.headers);
  const now = Date.now();
  const until = blockedUntil.get(address) ?? 0;
  if (until > now) throw tooManyFailures(Math.ceil((until - now) / 1000));
  try {
    return await authenticateApiKey(request.headers.get("authorization"));
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "unauthorized") throw error;
    const counted = await throttleHit(`api-key-failures:${address}`, FAILED_CHECKS);
    if (counted.ok) throw error;
    if (blockedUntil.size > 10_000) blockedUntil.clear();
    blockedUntil.set(address, now + counted.retryAfterSeconds * 1000);
    throw tooManyFailures(counted.retryAfterSeconds);
  }
}

export function withApiKey<P extends Params = Params>(
  scope: ApiKeyScope,
  handler: (request: Request, context: { apiKey: ApiKeyIdentity; params: P }) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }) => {
    try {
      const apiKey = await authenticateApiKeyThrottled(request);
      if (!apiKey.scopes.includes(scope))
        throw new AppError("forbidden", `This API key lacks the "${scope}" scope; create a key that has it`);
      const limit = await rateLimiter().hit(apiKey.id);
      if (!limit.ok) {
        throw new AppError(
          "rate_limited",
          `Rate limit exceeded for this API key; retry in ${limit.retryAfterSeconds} s`,
          undefined,
          {
            "Retry-After": String(limit.retryAfterSeconds),
          },
        );
      }
      return await handler(request, { apiKey, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
