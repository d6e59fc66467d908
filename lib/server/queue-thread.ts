// The app server's email and webhook workers run in a thread of their own (worker_threads), at a
// lower priority than the main thread (QUEUE_THREAD_NICE): claiming, sending and recording jobs
// never hold up the event loop that answers the API and pushes to the sockets, and when the cores
// are busy the kernel serves requests first while the queue takes the time left over. Jobs reach
// the thread as they reach any worker, through Postgres (ingest's NOTIFY after commit, and polling);
// what it sends, and how long it waited for a busy API, is counted into this thread's /metrics. A
// thread that dies is started again.
import { Worker } from "node:worker_threads";
import { addRelayedCounts, addScrapeSource, metrics, type RelayedCounts } from "@/lib/observability/metrics";
import type { QueueThreadData } from "@/lib/server/queue-thread-entry";
import type { QueueWorkerChoice } from "@/lib/server/queue-workers";
import { threadExecArgv } from "@/lib/server/thread-exec-argv";
import { readForegroundLoad, shareForegroundLoad, type YieldPolicy } from "@/lib/queue/foreground";

export type QueueThreadMessage = { kind: "ready" } | { kind: "stopped" } | { kind: "counts"; counts: RelayedCounts };

const RESTART_AFTER_MS = 1_000;
const ENTRY = new URL("./queue-thread-entry.ts", import.meta.url).href;
const BOOT = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then(({ register }) => { register(); return import(${JSON.stringify(ENTRY)}); })`;

export interface QueueThread {
  /** Takes no new job and resolves once the sends in flight are done and the thread has ended. */
  stop(): Promise<void>;
  /** The thread now running (diagnostics and tests). */
  readonly worker: Worker;
}

export async function startQueueThread(
  choice: QueueWorkerChoice & {
    nice: number;
    yieldPolicy: YieldPolicy;
    /** Tests: a load written by hand instead of this thread's sampled one. */
    foreground?: ReturnType<typeof shareForegroundLoad>;
    log?: (message: string) => void;
  },
): Promise<QueueThread> {
  const log = choice.log ?? ((message: string) => console.error(`[queue thread] ${message}`));
  // This (the main) thread's event-loop utilization, read by the queue thread's workers before each claim.
  const foreground = choice.foreground ?? shareForegroundLoad();
  const removeLoadGauge = addScrapeSource(() => metrics().gauges.apiLoad.set(readForegroundLoad(foreground.buffer)));
  const data: QueueThreadData = {
    email: choice.email,
    webhooks: choice.webhooks,
    nice: choice.nice,
    foreground: foreground.buffer,
    yieldPolicy: choice.yieldPolicy,
  };
  let stopping: Promise<void> | undefined;
  let current: Worker;

  function spawn(): Promise<void> {
    // The entry is TypeScript: the thread registers tsx's loader, then imports it (a thread does
    // not apply the `--import tsx` of its execArgv to the modules it loads).
    const worker = new Worker(BOOT, {
      eval: true,
      execArgv: threadExecArgv(),
      workerData: data,
    });
    current = worker;
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on("message", (message: QueueThreadMessage) => {
        if (message.kind === "counts") addRelayedCounts(message.counts);
        if (message.kind === "ready") {
          ready = true;
          resolve();
        }
      });
      worker.on("error", (error) => {
        log(`failed: ${error.stack ?? error.message}`);
        if (!ready) reject(error);
      });
      worker.on("exit", (code) => {
        if (!ready || stopping) return;
        // Its jobs' leases run out and are taken again, under the same idempotency keys.
        log(`ended (exit code ${code}); starting it again in ${RESTART_AFTER_MS / 1000} s`);
        setTimeout(() => {
          if (!stopping) spawn().catch(() => {});
        }, RESTART_AFTER_MS).unref();
      });
    });
  }

  await spawn();
  return {
    get worker() {
      return current;
    },
    stop: () =>
      (stopping ??= new Promise<void>((resolve) => {
        foreground.stop();
        removeLoadGauge();
        const worker = current;
        if (worker.threadId === -1) return resolve(); // already ended
        worker.once("exit", () => resolve());
        worker.on("message", (message: QueueThreadMessage) => {
          if (message.kind === "stopped") void worker.terminate();
        });
        worker.postMessage("stop");
      })),
  };
}
