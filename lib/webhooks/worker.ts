// The webhook worker: drains WebhookMessage rows from Postgres (see deliver.ts for the claim).
// Runs in every app instance (and in `npm run worker`); the queue is shared through Postgres, so
// instances never send one message twice at once, and a message outlives any process.
import { createPgListener, type PgListener } from "@/lib/db/listener";
import { env } from "@/lib/env";
import { defaultPolicy, type AddressPolicy } from "./address-guard";
import {
  attemptMessage,
  claimDueMessages,
  defaultWebhookTiming,
  msUntilNextMessage,
  type DeliverContext,
  type WebhookTiming,
} from "./deliver";
import { webhookWake } from "./queue";

interface WebhookWorkerOptions {
  timing?: Partial<WebhookTiming>;
  policy?: AddressPolicy;
  clock?: () => Date;
  /** Messages claimed (and sent in parallel) per round. */
  batchSize?: number;
  /** LISTEN for wake-ups from other processes (needs DATABASE_URL). */
  listen?: boolean;
  log?: (message: string) => void;
}

export interface WebhookWorker {
  start(): Promise<void>;
  /** Stops taking messages and waits for the ones in flight. */
  stop(): Promise<void>;
  /** Sends due messages until none is left; returns how many attempts were made. */
  drain(): Promise<number>;
  wake(): void;
}

export function createWebhookWorker(options: WebhookWorkerOptions = {}): WebhookWorker {
  const timing: WebhookTiming = { ...defaultWebhookTiming, ...options.timing };
  const clock = options.clock ?? (() => new Date());
  const batchSize = options.batchSize ?? 32;
  const log = options.log ?? ((message: string) => console.log(`[webhooks] ${message}`));
  let context: DeliverContext | undefined;
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let loop: Promise<void> | undefined;
  let wakeAgain = false;
  let unsubscribe: (() => void) | undefined;
  let listener: PgListener | undefined;

  // The policy reads the environment: resolved on first use, not at construction.
  const getContext = () => (context ??= { timing, clock, policy: options.policy ?? defaultPolicy() });

  // Slots are refilled as each message ends, not batch by batch: a receiver that takes 15 s holds
  // only its own (at most perEndpoint) slots while the other endpoints' messages keep flowing.
  async function drain(): Promise<number> {
    const context = getContext();
    const inFlight = new Set<Promise<void>>();
    let handled = 0;
    let look = true;
    try {
      while (!stopping) {
        const free = batchSize - inFlight.size;
        if (look && free > 0) {
          const messages = await claimDueMessages(free, context);
          // Fewer than asked: nothing else is due until a slot frees (or the per-endpoint limit lifts).
          look = messages.length === free;
          handled += messages.length;
          for (const message of messages) {
            const running: Promise<void> = attemptMessage(message, context).then(
              () => void inFlight.delete(running),
              // A database hiccup while recording: the lease runs out and the message is sent again.
              (error: Error) => {
                inFlight.delete(running);
                log(`message failed unexpectedly: ${error.message}`);
              },
            );
            inFlight.add(running);
          }
          continue;
        }
        if (inFlight.size === 0) break;
        await Promise.race(inFlight);
        look = true;
      }
    } finally {
      await Promise.allSettled(inFlight);
    }
    return handled;
  }

  async function schedule() {
    clearTimeout(timer);
    if (stopping || !started) return;
    let delay = timing.pollMs;
    try {
      const next = await msUntilNextMessage(clock());
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
      return;
    }
    loop = (async () => {
      do {
        wakeAgain = false;
        try {
          await drain();
        } catch (error) {
          log(`queue unavailable: ${(error as Error).message}`);
        }
      } while (wakeAgain && !stopping);
      await schedule();
    })().finally(() => {
      loop = undefined;
    });
  }

  return {
    wake,
    drain,
    async start() {
      if (started) return;
      started = true;
      stopping = false;
      unsubscribe = webhookWake.subscribe(wake);
      const url = env().DATABASE_URL;
      if ((options.listen ?? true) && url) {
        listener = createPgListener({
          connectionString: url,
          channels: [webhookWake.channel],
          name: "webhook wake-ups",
          onNotification: () => wake(),
          // Messages queued by other processes while we were not listening: look now.
          onListening: (reconnected) => reconnected && wake(),
          log,
        });
        await listener.ready;
      }
      wake();
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      unsubscribe?.();
      await loop;
      clearTimeout(timer);
      await listener?.stop();
      listener = undefined;
      started = false;
    },
  };
}
