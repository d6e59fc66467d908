// The webhook worker: drains WebhookMessage rows from Postgres (see deliver.ts for the claim).
// Runs in every app instance (and in `npm run worker`); the queue is shared through Postgres, so
// instances never send one message twice at once, and a message outlives any process.
import { createQueueLoop } from "@/lib/queue/loop";
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
      while (!loop.stopping) {
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

  const loop = createQueueLoop({
    signal: webhookWake,
    name: "webhook wake-ups",
    drain,
    msUntilNext: () => msUntilNextMessage(clock()),
    pollMs: timing.pollMs,
    listen: options.listen,
    log,
  });

  return { wake: loop.wake, drain, start: loop.start, stop: loop.stop };
}
