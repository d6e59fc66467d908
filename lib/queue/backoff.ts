// Retry timing shared by the durable queues: ±10% jitter so jobs that failed together do not
// retry in lockstep, and a receiver's Retry-After honoured up to a ceiling.

export function withJitter(ms: number, ratio = 0.1): number {
  return Math.round(ms * (1 - ratio + Math.random() * 2 * ratio));
}

/** The delay before retry number `retry` (1-based) of a fixed schedule; null once it is spent. */
export function scheduledDelay(schedule: readonly number[], retry: number, retryAfterMs?: number): number | null {
  const base = schedule[retry - 1];
  if (base === undefined) return null;
  const ceiling = Math.max(...schedule);
  return Math.max(withJitter(base), Math.min(retryAfterMs ?? 0, ceiling));
}
