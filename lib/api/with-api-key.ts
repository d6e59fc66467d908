// Wraps a Platform API route handler: authenticates the API key (401), checks that the key holds
// the route's scope (403), rate limits per key (429 with Retry-After), awaits the route params and
// maps every error to the standard error shape.
import { authenticateApiKey, type ApiKeyIdentity } from "@/lib/api-keys";
import type { ApiKeyScope } from "@/lib/api-key-scopes";
import { AppError, errorResponse } from "@/lib/errors";
import { createRateLimiter } from "@/lib/rate-limit";

type Params = Record<string, string | string[]>;

let limiter: ReturnType<typeof createRateLimiter> | undefined;
function rateLimiter() {
  // API_RATE_LIMIT_PER_MINUTE: requests per key per minute on each instance.
  limiter ??= createRateLimiter({ limit: Number(process.env.API_RATE_LIMIT_PER_MINUTE ?? 60_000), windowMs: 60_000 });
  return limiter;
}

export function withApiKey<P extends Params = Params>(
  scope: ApiKeyScope,
  handler: (request: Request, context: { apiKey: ApiKeyIdentity; params: P }) => Promise<Response>,
) {
  return async (request: Request, context: { params: Promise<P> }) => {
    try {
      const apiKey = await authenticateApiKey(request.headers.get("authorization"));
      if (!apiKey.scopes.includes(scope))
        throw new AppError("forbidden", `This API key lacks the "${scope}" scope; create a key that has it`);
      const limit = rateLimiter().hit(apiKey.id);
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
