// The webhook worker: drains WebhookMessage rows from Postgres (see deliver.ts for the claim).
// Runs in every app instance (and in `npm run worker`); the queue is shared through Postgres, so
// instances never send one message twice at once, and a message outlives any process.
import { giveWayToForeground } from "@/lib/queue/foreground";
import { createQueueLoop } from "@/lib/queue/loop";
import { defaultPolicy, type AddressPolicy } from "./address-guard";
import {
  attemptAndClaimNext,
  claimDueMessages,
  defaultWebhookTiming,
  msUntilNextMessage,
  type ClaimedMessage,
  type DeliverContext,
  type WebhookTiming,
} from "./deliver";
import { webhookWake } from "./queue";

const SECOND = 1000;

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
  // only its own (at most perEndpoint) slots while the other endpoints' messages keep flowing. A
  // delivered message's slot goes to its endpoint's next due message, claimed in the statement
  // that records the delivery (deliver.ts); the queue is looked at again (a claim across
  // endpoints) when a message ends without a successor, on a wake-up, and at least every second
  // (retries coming due, leases running out, endpoints that had nothing due).
  let poke: (() => void) | undefined;
  const lookEveryMs = Math.min(timing.pollMs, SECOND);

  async function drain(): Promise<number> {
    const context = getContext();
    const inFlight = new Set<Promise<void>>();
    let handled = 0;
    let look = true;
    let lookedAt = 0;
    const start = (message: ClaimedMessage) => {
      handled++;
      // While the API's event loop is busy, the attempt waits (lib/queue/foreground.ts).
      const running: Promise<void> = giveWayToForeground("webhook", () => loop.stopping)
        .then(() => attemptAndClaimNext(message, context, () => !loop.stopping))
        .then(
          (next) => {
            inFlight.delete(running);
            if (next) start(next);
            else look = true;
          },
          // A database hiccup while recording: the lease runs out and the message is sent again.
          (error: Error) => {
            inFlight.delete(running);
            look = true;
            log(`message failed unexpectedly: ${error.message}`);
          },
        );
      inFlight.add(running);
    };
    try {
      while (!loop.stopping) {
        const free = batchSize - inFlight.size;
        if (look && free > 0) {
          lookedAt = Date.now();
          const messages = await claimDueMessages(free, context);
          // Fewer than asked: nothing else is due until a slot frees (or the per-endpoint limit lifts).
          look = messages.length === free;
          for (const message of messages) start(message);
          continue;
        }
        if (inFlight.size === 0) break;
        let timer: NodeJS.Timeout | undefined;
        const lookSoon = new Promise<void>((resolve) => {
          poke = () => {
            look = true;
            resolve();
          };
          timer = setTimeout(poke, Math.max(0, lookedAt + lookEveryMs - Date.now()));
        });
        await Promise.race([...inFlight, lookSoon]);
        clearTimeout(timer);
        poke = undefined;
      }
    } finally {
      // Successors claimed while stopping are sent too.
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
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
    interrupt: () => poke?.(),
    log,
  });

  return { wake: loop.wake, drain, start: loop.start, stop: loop.stop };
}
