// A fixed-window rate limit shared by every instance: the window's count lives in Postgres (a row of
// "Throttle", lib/throttle.ts, as for sign-in), so N instances together let through at most `limit`
// requests per key and window, not N × limit.
//
// A round trip per request would put a hot row on the Platform API's busiest path, so an instance
// takes its share in chunks: one atomic upsert adds a chunk (1 % of the limit, at least 1) to the
// shared count and this instance spends what it was granted from memory. A grant never exceeds what
// is left under the limit, so the sum of all grants stays within it. The price: when the budget runs
// out, chunks other instances took and have not spent are lost for the rest of the window (at most
// one chunk per instance: 1 % of the limit each). A limit of 100 or less counts every request.
import { throttleHit } from "@/lib/throttle";

interface RateLimitResult {
  ok: boolean;
  retryAfterSeconds: number;
}

interface Share {
  /** Requests this instance may still let through, from chunks it was granted. */
  left: number;
  /** Date.now() when the shared window ends (measured from before the claim: never late). */
  until: number;
  /** The shared count reached the limit: refuse until the window ends, without asking again. */
  exhausted: boolean;
  /** A claim in flight: other requests of the key wait for it rather than claiming too. */
  claiming?: Promise<void>;
}

export function createSharedRateLimiter(options: { name: string; limit: number; windowMs: number }) {
  const { limit, windowMs } = options;
  const chunk = Math.max(1, Math.floor(limit / 100));
  const shares = new Map<string, Share>();

  function sweep(now: number) {
    if (shares.size < 10_000) return;
    for (const [key, share] of shares) if (share.until <= now && !share.claiming) shares.delete(key);
  }

  async function claim(key: string, share: Share) {
    const started = Date.now();
    const counted = await throttleHit(`${options.name}:${key}`, { limit, windowMs }, chunk);
    // What was left under the limit before this claim, up to a chunk.
    const granted = Math.max(0, Math.min(chunk, limit - (counted.count - chunk)));
    Object.assign(share, { left: granted, until: started + counted.resetInMs, exhausted: granted < chunk });
  }

  return {
    /** Counts one request of `key`; ok is false once the key's shared budget for the window is spent. */
    async hit(key: string): Promise<RateLimitResult> {
      for (;;) {
        const now = Date.now();
        const share = shares.get(key);
        if (share && now < share.until) {
          if (share.left > 0) {
            share.left -= 1;
            return { ok: true, retryAfterSeconds: 0 };
          }
          if (share.exhausted)
            return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((share.until - now) / 1000)) };
        }
        if (share?.claiming) {
          await share.claiming;
          continue;
        }
        sweep(now);
        const holder = share ?? { left: 0, until: 0, exhausted: false };
        if (!share) shares.set(key, holder);
        holder.claiming = claim(key, holder).finally(() => (holder.claiming = undefined));
        await holder.claiming;
      }
    },
  };
}
