// When a failed webhook message is tried again (routing.md): a fixed schedule (about 5 s, 1 min,
// 10 min, 1 h, 6 h, 24 h) rather than lib/backoff.ts's doubling, with the same ±20% jitter so
// messages that failed together do not return in step, and the receiver's Retry-After honoured
// up to the longest step.

const JITTER = 0.2;

/** The delay before retry number `retry` (1-based); null once the schedule is spent. */
export function scheduledDelay(schedule: readonly number[], retry: number, retryAfterMs?: number): number | null {
  const nominal = schedule[retry - 1];
  if (nominal === undefined) return null;
  const jittered = nominal * (1 - JITTER + Math.random() * 2 * JITTER);
  const asked = Math.min(retryAfterMs ?? 0, Math.max(...schedule));
  return Math.round(Math.max(jittered, asked));
}
