// React Email rendering off the main event loop: a small pool of worker threads (piscina), so a
// burst of mail does not hold up the API and the sockets. A template that throws rejects its own
// render only; a thread that dies is replaced by the pool; close() lets the renders under way finish.
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { Piscina } from "piscina";
import { env } from "@/lib/env";
import { threadExecArgv } from "@/lib/server/thread-exec-argv";
import type { NotificationData, NotificationType } from "@/lib/notifications/catalog";
import type { RenderedEmail } from "./render";
import type { RenderOutcome, RenderTask, RenderThreadData } from "./render-worker";
import type { DigestProps, EmailContext } from "./types";

/** The template itself threw: rendering the same email again would throw again. */
export class TemplateError extends Error {
  override name = "TemplateError";
}

export interface RenderPool {
  render(
    type: NotificationType,
    data: NotificationData<NotificationType>,
    context: EmailContext,
  ): Promise<RenderedEmail>;
  renderDigest(digest: DigestProps): Promise<RenderedEmail>;
  readonly threads: number;
  /** The live threads (diagnostics and tests). */
  readonly workers: readonly Worker[];
  /** Takes no new renders and resolves once the ones under way (and queued) are done. */
  close(): Promise<void>;
}

/** EMAIL_RENDER_THREADS, else one thread per core beyond the first (the first serves the API), at least one. */
export function defaultRenderThreads(configured?: number): number {
  return configured ?? Math.max(1, Math.min(4, availableParallelism() - 1));
}

export function createRenderPool(options: { threads?: number; nice?: number } = {}): RenderPool {
  const threads = Math.max(1, options.threads ?? defaultRenderThreads());
  const thread: RenderThreadData = { nice: options.nice ?? 0 };
  const pool = new Piscina<RenderTask, RenderOutcome>({
    filename: new URL("./render-worker.ts", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // Threads stay up while the process lives: starting one (React Email, the templates) takes ~1 s.
    idleTimeout: Infinity,
    // Rendering is short and CPU-bound: one at a time per thread, the rest wait in the pool's queue.
    concurrentTasksPerWorker: 1,
    execArgv: threadExecArgv(),
    workerData: thread,
  });
  // A thread that crashes fails its render; piscina starts a replacement. Nothing else to do here.
  pool.on("error", () => {});
  // Piscina's close() waits for the renders running in a thread, not for those still queued: the
  // pool counts what it was given and waits for all of it.
  const pending = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;
  async function run(task: RenderTask) {
    if (closing) throw new Error("the render pool is closed");
    const running = pool.run(task);
    pending.add(running);
    const outcome = await running.finally(() => pending.delete(running));
    if (!outcome.ok) throw new TemplateError(outcome.error);
    return outcome.email;
  }
  return {
    threads,
    get workers() {
      return pool.threads;
    },
    render: (type, data, context) => run({ type, data, context }),
    renderDigest: (digest) => run({ digest }),
    close: () =>
      (closing ??= (async () => {
        while (pending.size) await Promise.allSettled([...pending]);
        await pool.close();
      })()),
  };
}

// The process's pool, shared by its email workers; started with the first email, so a process
// whose peers took every job never starts the threads.
let shared: RenderPool | undefined;

export function sharedRenderPool(): RenderPool {
  const config = env();
  return (shared ??= createRenderPool({
    threads: defaultRenderThreads(config.EMAIL_RENDER_THREADS),
    nice: config.EMAIL_RENDER_NICE,
  }));
}

/** At shutdown, after the workers stopped: waits for renders still under way. A later email starts a new pool. */
export async function closeSharedRenderPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
