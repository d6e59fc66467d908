// A fixed-window limiter kept in process memory. Each instance limits on its own, which bounds
// abuse per instance; a shared store is not worth its cost for these limits.
interface RateLimitResult {
  ok: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export function createRateLimiter(options: { limit: number; windowMs: number }) {
  const windows = new Map<string, { start: number; count: number }>();

  function sweep(now: number) {
    if (windows.size < 10_000) return;
    for (const [key, value] of windows) if (now - value.start >= options.windowMs) windows.delete(key);
  }

  function state(key: string, now: number) {
    let entry = windows.get(key);
    if (!entry || now - entry.start >= options.windowMs) {
      sweep(now);
      entry = { start: now, count: 0 };
      windows.set(key, entry);
    }
    return entry;
  }

  function result(entry: { start: number; count: number }, now: number): RateLimitResult {
    return {
      ok: entry.count <= options.limit,
      remaining: Math.max(0, options.limit - entry.count),
      retryAfterSeconds: Math.max(1, Math.ceil((entry.start + options.windowMs - now) / 1000)),
    };
  }

  return {
    /** Counts one hit and says whether it is within the limit. */
    hit(key: string, now = Date.now()): RateLimitResult {
      const entry = state(key, now);
      entry.count += 1;
      return result(entry, now);
    },
    /** Says whether the next hit would be allowed, without counting one. */
    peek(key: string, now = Date.now()): RateLimitResult {
      const entry = state(key, now);
      return { ...result(entry, now), ok: entry.count < options.limit };
    },
    reset(key: string) {
      windows.delete(key);
    },
  };
}
