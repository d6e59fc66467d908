// Background queues give way to the API. The main thread (the event loop that answers requests and
// pushes to sockets) publishes its event-loop utilization every 100 ms into memory it shares with
// the queue thread; before each claim, the email and webhook workers wait while it is at or above
// QUEUE_YIELD_ELU, but never more than QUEUE_YIELD_MAX_MS at a time, so a sustained load slows the
// mail down without stopping it. A worker that does not share a main thread's load (`npm run
// worker`, QUEUE_THREAD=false) never waits.
import { performance } from "node:perf_hooks";
import { countQueueYield } from "@/lib/observability/metrics";
import type { QueueChannel } from "@/lib/observability/queues";

const SAMPLE_MS = 100;
const STEP_MS = 20;
// The load is shared as a whole number: per mille of the interval the event loop was busy.
const PER_MILLE = 1000;

/**
 * The main thread's side: starts sampling its utilization into the returned buffer.
 * Under V8's CPU profiler (`--cpu-prof`, `npm run bench -- --profile`) the utilization reads about
 * 0.87 on an idle loop (the profiler's ticks end every wait early), so then nothing is sampled and
 * the queues never wait.
 */
export function shareForegroundLoad(): { buffer: SharedArrayBuffer; stop(): void } {
  const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  if (process.execArgv.some((arg) => arg.startsWith("--cpu-prof"))) return { buffer, stop: () => {} };
  let last = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    storeForegroundLoad(buffer, performance.eventLoopUtilization(now, last).utilization);
    last = now;
  }, SAMPLE_MS);
  timer.unref();
  return { buffer, stop: () => clearInterval(timer) };
}

/** Writes a utilization (0–1) into a buffer from shareForegroundLoad(), as its sampler does. */
export function storeForegroundLoad(buffer: SharedArrayBuffer, utilization: number) {
  Atomics.store(new Int32Array(buffer), 0, Math.round(utilization * PER_MILLE));
}

export interface YieldPolicy {
  /** Utilization (0–1) at or above which the queues wait; 1 or more never waits. */
  threshold: number;
  /** Longest wait before one claim. */
  maxWaitMs: number;
}

let shared: { buffer: SharedArrayBuffer; policy: YieldPolicy } | undefined;

/** The queue thread's side: the buffer from shareForegroundLoad(), and when to give way. */
export function watchForegroundLoad(buffer: SharedArrayBuffer, policy: YieldPolicy) {
  shared = { buffer, policy };
}

/** The latest utilization (0–1) in a buffer from shareForegroundLoad(). */
export function readForegroundLoad(buffer: SharedArrayBuffer): number {
  return Atomics.load(new Int32Array(buffer), 0) / PER_MILLE;
}

/** The main thread's latest utilization (0–1); 0 when none is shared. */
export function foregroundLoad(): number {
  return shared ? readForegroundLoad(shared.buffer) : 0;
}

/**
 * Resolves at once when the main thread is below the threshold; otherwise once it drops below, once
 * `maxWaitMs` has passed, or once `stopping()` turns true. Resolves with the milliseconds waited,
 * which /metrics counts (nc_queue_yield_seconds_total).
 */
export async function giveWayToForeground(queue: QueueChannel, stopping: () => boolean = () => false): Promise<number> {
  if (!shared) return 0;
  const { threshold, maxWaitMs } = shared.policy;
  const began = Date.now();
  while (foregroundLoad() >= threshold && Date.now() - began < maxWaitMs && !stopping())
    await new Promise((resolve) => setTimeout(resolve, STEP_MS));
  const waited = Date.now() - began;
  countQueueYield(queue, waited / 1000);
  return waited;
}
