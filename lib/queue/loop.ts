// The loop every durable queue's worker runs (email, webhooks): a wake-up (from this process, from
// another one through LISTEN, or from the poll timer) starts a drain; a wake-up during a drain
// makes it drain again; after the drain the next look is scheduled for when the next job is due
// (at most `pollMs` away). stop() takes no new work and waits for the drain under way.
import { createPgListener, type PgListener } from "@/lib/db/listener";
import { env } from "@/lib/env";
import type { WakeSignal } from "./wake";

export interface QueueLoopOptions {
  /** The queue's wake-up signal: subscribed in this process, LISTENed to across processes. */
  signal: WakeSignal;
  /** Names the LISTEN connection in logs, e.g. "email wake-ups". */
  name: string;
  /** Processes due jobs until none is left. */
  drain(): Promise<unknown>;
  /** Milliseconds until the next job is due; null when the queue is empty. */
  msUntilNext(): Promise<number | null>;
  /** Longest sleep between looks at the queue when nothing wakes the worker. */
  pollMs: number;
  /** LISTEN for wake-ups from other processes (needs DATABASE_URL; default true). */
  listen?: boolean;
  /** Called when a wake-up arrives during a drain, and on stop(): a drain waiting for a slot looks again. */
  interrupt?(): void;
  log(message: string): void;
}

export interface QueueLoop {
  start(): Promise<void>;
  /** Takes no new work and waits for the drain under way. */
  stop(): Promise<void>;
  wake(): void;
  /** True from stop() on: a drain ends as soon as its jobs in flight are done. */
  readonly stopping: boolean;
}

export function createQueueLoop(options: QueueLoopOptions): QueueLoop {
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let loop: Promise<void> | undefined;
  let wakeAgain = false;
  let unsubscribe: (() => void) | undefined;
  let listener: PgListener | undefined;

  async function schedule() {
    clearTimeout(timer);
    if (stopping || !started) return;
    let delay = options.pollMs;
    try {
      const next = await options.msUntilNext();
      if (next !== null) delay = Math.min(delay, next + 5);
    } catch {
      // keep polling at the normal pace while the database is unreachable
    }
    if (stopping) return;
    timer = setTimeout(wake, delay);
    timer.unref?.();
  }

  function wake() {
    if (stopping || !started) return;
    if (loop) {
      wakeAgain = true;
      options.interrupt?.();
      return;
    }
    loop = (async () => {
      do {
        do {
          wakeAgain = false;
          try {
            await options.drain();
          } catch (error) {
            options.log(`queue unavailable: ${(error as Error).message}`);
          }
        } while (wakeAgain && !stopping);
        await schedule();
        // A wake-up that arrived while the next look was being scheduled is not lost.
      } while (wakeAgain && !stopping);
    })().finally(() => {
      loop = undefined;
    });
  }

  return {
    wake,
    get stopping() {
      return stopping;
    },
    async start() {
      if (started) return;
      started = true;
      stopping = false;
      unsubscribe = options.signal.subscribe(wake);
      const url = env().DATABASE_URL;
      if ((options.listen ?? true) && url) {
        listener = createPgListener({
          connectionString: url,
          channels: [options.signal.channel],
          name: options.name,
          onNotification: () => wake(),
          // Jobs queued by other processes while we were not listening: look now.
          onListening: (reconnected) => reconnected && wake(),
          log: options.log,
        });
        await listener.ready;
      }
      wake();
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      unsubscribe?.();
      options.interrupt?.();
      await loop;
      clearTimeout(timer);
      await listener?.stop();
      listener = undefined;
      started = false;
    },
  };
}
