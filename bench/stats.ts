// Numbers and how they are printed: percentiles of latency samples, and the result rows.

export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(samples: number[]): Latency | null {
  if (samples.length === 0) return null;
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1]! };
}

/** One measured figure. `value` is what the ratio compares: a rate, a duration or a size. */
export interface Metric {
  value: number;
  unit: "/s" | "ms" | "MB";
  latency?: Latency;
  /** Extra facts printed beside the value (errors, deliveries, …). */
  detail?: string;
}

export interface Row {
  section: string;
  label: string;
  result: Metric | string;
  baseline?: { label: string; metric: Metric | string };
  /** The issue's target for this row, printed for orientation; never enforced. */
  target?: string;
}

const number = (value: number) =>
  value >= 100 ? Math.round(value).toLocaleString("en-US") : value >= 10 ? value.toFixed(1) : value.toFixed(2);

function formatMetric(metric: Metric | string): string {
  if (typeof metric === "string") return metric;
  const main = metric.latency
    ? `p50 ${number(metric.latency.p50)} · p95 ${number(metric.latency.p95)} · p99 ${number(metric.latency.p99)} ms`
    : `${number(metric.value)} ${metric.unit}`;
  const rate = metric.latency && metric.unit === "/s" ? `${number(metric.value)}/s, ` : "";
  return `${rate}${main}${metric.detail ? ` (${metric.detail})` : ""}`;
}

/** result ÷ baseline, on each metric's `value` (a rate, or the latency percentile it names). */
function ratio(row: Row): string {
  if (!row.baseline || typeof row.result === "string" || typeof row.baseline.metric === "string") return "";
  const b = row.baseline.metric.value;
  return b > 0 ? `${(row.result.value / b).toFixed(2)}×` : "";
}

export function printTable(rows: Row[]) {
  const header = ["measurement", "result", "baseline (same run)", "ratio", "target"];
  const cells = rows.map((row) => [
    `${row.section} ${row.label}`,
    formatMetric(row.result),
    row.baseline ? `${row.baseline.label}: ${formatMetric(row.baseline.metric)}` : "",
    ratio(row),
    row.target ?? "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join(" │ ");
  console.log(line(header));
  console.log(widths.map((w) => "─".repeat(w)).join("─┼─"));
  for (const c of cells) console.log(line(c));
}
