// Exponential backoff with jitter, one definition for every retry in the product (database
// listeners, email sends): clients that failed together must not come back in the same instant.

interface BackoffSchedule {
  /** Delay before the first retry; doubles per attempt. */
  baseMs: number;
  /** The doubling stops here. */
  maxMs: number;
}

/** ±20% around the nominal delay. */
const JITTER = 0.2;
/** After a Retry-After, retries spread over at least this much (20% of a short wait is too little). */
const MIN_SPREAD_MS = 1_000;

/** The nominal delay before retry number `attempt` (1-based), without jitter. */
function nominalDelayMs(attempt: number, schedule: BackoffSchedule): number {
  return Math.min(schedule.maxMs, schedule.baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * The delay before retry number `attempt`: the nominal delay ±20%. `atLeastMs` (a server's
 * Retry-After) raises the floor, never lowers it: the retry then comes up to 20% (at least up to
 * 1 s) after the time asked for, so a crowd of jobs throttled together spreads out instead of returning in step.
 */
export function retryDelayMs(attempt: number, schedule: BackoffSchedule, atLeastMs = 0): number {
  const nominal = nominalDelayMs(attempt, schedule);
  const floor = Math.min(atLeastMs, schedule.maxMs);
  if (floor > nominal * (1 - JITTER))
    return Math.round(floor + Math.random() * Math.max(floor * JITTER, MIN_SPREAD_MS));
  return Math.round(nominal * (1 - JITTER + Math.random() * 2 * JITTER));
}
