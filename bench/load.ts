// HTTP load with autocannon (keep-alive connections), with our own latency samples so that p95 is
// exact (autocannon's histogram has no p95).
import autocannon, { type Request } from "autocannon";
import { percentiles, type Metric } from "./stats";

interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  /** Stop after this many requests instead (for slow requests that a short duration would cut off). */
  amount?: number;
  /** Seconds before a request counts as failed (default 30). */
  timeout?: number;
  /** Requests per second over all connections; unlimited when unset. */
  rate?: number;
  request: Request;
}

interface LoadResult {
  ok: number;
  failed: number;
  seconds: number;
  statuses: Record<string, number>;
  metric: Metric;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const samples: number[] = [];
  let ok = 0;
  let failed = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration,
    amount: options.amount,
    overallRate: options.rate,
    timeout: options.timeout ?? 30,
    requests: [options.request],
  });
  instance.on("response", (_client, status, _bytes, responseTime) => {
    if (status >= 200 && status < 300) {
      ok++;
      samples.push(responseTime);
    } else failed++;
  });
  const result = await instance;
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)]),
  );
  const errors = result.errors + failed;
  const latency = percentiles(samples) ?? undefined;
  return {
    ok,
    failed: errors,
    seconds: result.duration,
    statuses,
    metric: {
      value: ok / result.duration,
      unit: "/s",
      latency,
      detail: errors
        ? `${errors} failed: ${JSON.stringify(statuses)}${result.errors ? `, ${result.errors} socket errors` : ""}`
        : undefined,
    },
  };
}

/** A latency-only view of a load result (ratio on p99). */
export const latencyOf = (metric: Metric): Metric =>
  metric.latency ? { value: metric.latency.p99, unit: "ms", latency: metric.latency, detail: metric.detail } : metric;
