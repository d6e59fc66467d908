// The queue thread itself (started by lib/server/queue-thread.ts): the email and webhook workers
// on an event loop, a pool and a priority of their own. It answers "stop" with "stopped" once the
// sends in flight are done, and hands its counts (sends, time waited for the API) to the main
// thread every second.
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { disconnectDb, setPoolMax } from "@/lib/db";
import { QUEUE_THREAD_POOL_MAX } from "@/lib/db/connection-bound";
import { env } from "@/lib/env";
import { relayCounts, takeRelayedCounts } from "@/lib/observability/metrics";
import { startQueueWorkers, type QueueWorkerChoice } from "@/lib/server/queue-workers";
import { watchForegroundLoad, type YieldPolicy } from "@/lib/queue/foreground";
import type { QueueThreadMessage } from "@/lib/server/queue-thread";

export interface QueueThreadData extends QueueWorkerChoice {
  nice: number;
  /** The main thread's event-loop utilization (lib/queue/foreground.ts), and when to give way to it. */
  foreground: SharedArrayBuffer;
  yieldPolicy: YieldPolicy;
}

const data = workerData as QueueThreadData;
const port = parentPort!;
const post = (message: QueueThreadMessage) => port.postMessage(message);

if (data.nice > 0) {
  try {
    setPriority(0, data.nice); // 0: this thread only (Linux keeps a nice value per thread)
  } catch {
    // not permitted here (some containers): run at the process's priority
  }
}
setPoolMax(QUEUE_THREAD_POOL_MAX);
watchForegroundLoad(data.foreground, data.yieldPolicy);
relayCounts();
// The OpenTelemetry SDK is loaded only when spans are exported (it is most of an idle thread's memory otherwise).
const stopTracing = env().OTEL_EXPORTER_OTLP_ENDPOINT
  ? (await import("@/lib/observability/tracing-sdk")).startTracing()
  : undefined;

const flushCounts = () => {
  const counts = takeRelayedCounts();
  if (counts) post({ kind: "counts", counts });
};
const counter = setInterval(flushCounts, 1_000);
counter.unref();

const workers = await startQueueWorkers(data);
port.on("message", (message: "stop") => {
  if (message !== "stop") return;
  void (async () => {
    await workers.stop();
    clearInterval(counter);
    flushCounts();
    await disconnectDb();
    await stopTracing?.();
    post({ kind: "stopped" });
    port.close();
  })();
});
post({ kind: "ready" });
