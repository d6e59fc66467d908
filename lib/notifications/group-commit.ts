// Group commit: single calls that arrive while one run is in flight wait, and the next run takes
// them all at once. Ingest uses it for single events: most of a statement's time is its commit's
// WAL flush, so an idle server stores each event at once and a busy one stores many per flush.
// Calls with different keys never share a run (ingest keys by source and API key).

interface GroupCommitOptions<Input, Result, Context> {
  /** Calls whose contexts have the same key may share a run. */
  key(context: Context): string;
  /** Runs a group; answers one result per input, in order. A throw rejects the whole group. */
  run(inputs: Input[], context: Context): Promise<Result[]>;
  /** At most this many inputs per run; the rest wait for the next one. */
  maxGroup: number;
}

interface Waiting<Input, Result> {
  input: Input;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

interface Queue<Input, Result> {
  waiting: Waiting<Input, Result>[];
  running: boolean;
}

// Idle queues are dropped once there are this many keys, so a stream of distinct keys cannot grow the map forever.
const MAX_IDLE_QUEUES = 1000;

/** A function that runs one input through `run`, sharing the run with concurrent calls of the same key. */
export function groupCommit<Input, Result, Context>(
  options: GroupCommitOptions<Input, Result, Context>,
): (input: Input, context: Context) => Promise<Result> {
  const queues = new Map<string, Queue<Input, Result>>();

  async function drain(queue: Queue<Input, Result>, context: Context) {
    queue.running = true;
    while (queue.waiting.length) {
      const group = queue.waiting.splice(0, options.maxGroup);
      try {
        const results = await options.run(
          group.map((w) => w.input),
          context,
        );
        group.forEach((w, i) => w.resolve(results[i]!));
      } catch (error) {
        group.forEach((w) => w.reject(error));
      }
    }
    queue.running = false;
  }

  return (input, context) => {
    const key = options.key(context);
    let queue = queues.get(key);
    if (!queue) queues.set(key, (queue = { waiting: [], running: false }));
    const promise = new Promise<Result>((resolve, reject) => queue.waiting.push({ input, resolve, reject }));
    if (!queue.running) void drain(queue, context);
    if (queues.size > MAX_IDLE_QUEUES)
      for (const [k, q] of queues) if (!q.running && !q.waiting.length) queues.delete(k);
    return promise;
  };
}
