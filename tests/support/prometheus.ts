// A strict reader of the Prometheus text exposition format (version 0.0.4) for tests: every line
// must be a comment, a HELP/TYPE line or a sample `name{label="value",…} number`, and every sample
// must belong to a family declared by TYPE. (The npm parser we tried drops the labels of histograms.)
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/;
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/gy;
const suffixes = ["_bucket", "_sum", "_count", "_total", "_created", ""];

export function parsePrometheus(text: string) {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    const type = line.match(/^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/);
    if (type) {
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (line.startsWith("#")) continue;
    const match = line.match(sampleLine);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    const [, name, labelText = "", value] = match;
    const labels: Record<string, string> = {};
    labelPair.lastIndex = 0;
    let consumed = 0;
    for (let pair; (pair = labelPair.exec(labelText)); consumed = labelPair.lastIndex) {
      labels[pair[1]!] = pair[2]!.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
    }
    if (consumed !== labelText.length) throw new Error(`bad labels in: ${line}`);
    const family = suffixes
      .map((s) => name!.slice(0, name!.length - s.length))
      .find((f, i) => name!.endsWith(suffixes[i]!) && types.has(f));
    if (!family) throw new Error(`sample without a TYPE line: ${line}`);
    samples.push({ name: name!, labels, value: Number(value) });
  }
  return { types, samples };
}

/** The value of the one sample with this name whose labels include all of `labels` (0 when absent). */
export function sampleValue(samples: Sample[], name: string, labels: Record<string, string> = {}) {
  const sample = samples.find(
    (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
  );
  return sample?.value ?? 0;
}
