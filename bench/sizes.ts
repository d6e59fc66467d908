// What each run measures: the sizes, or smaller ones with --quick (CI, under two minutes).
export interface Sizes {
  /** Section 1: connections, one level after another. */
  ingestConnections: number[];
  ingestSeconds: number;
  /** Section 2: events per batch, batch connections, fan-out recipients and repeats. */
  batchEvents: number;
  batchConnections: number;
  /** Batches per connection. */
  batchRounds: number;
  /** One batch first, unmeasured (loads the route module and warms the pools). */
  batchWarmUp: boolean;
  /** Seconds of the INSERT baseline. */
  batchSeconds: number;
  fanoutRecipients: number;
  fanoutRepeats: number;
  /** Section 3: sockets, events per second, seconds. */
  e2eSockets: number;
  e2eRate: number;
  e2eSeconds: number;
  /** Seconds at the same rate before measuring: a just-started server is still compiling hot code and opening connections. */
  e2eWarmUpSeconds: number;
  /** Section 4: the reader's notifications and the table's size. */
  inboxOwn: number;
  inboxTotal: number;
  inboxSeconds: number;
  /** Section 5: idle socket counts (the largest is also the fan-out audience). */
  memorySockets: number[];
  /** Email on: the backlog that drains while ingest and delivery are measured (one recipient per event). */
  emailBacklog: number;
  /** Section 6: seconds of render-only and bare-send loops; jobs in the pipeline run. */
  emailSeconds: number;
  emailPipeline: number;
  /** Section 8: users with a due daily digest, and the items each lists. */
  digestUsers: number;
  digestItems: number;
}

export const fullSizes: Sizes = {
  ingestConnections: [1, 16, 64],
  ingestSeconds: 10,
  batchEvents: 500,
  batchConnections: 4,
  batchRounds: 10,
  batchWarmUp: true,
  batchSeconds: 10,
  fanoutRecipients: 10_000,
  fanoutRepeats: 5,
  e2eSockets: 1_000,
  e2eRate: 200,
  e2eSeconds: 20,
  e2eWarmUpSeconds: 5,
  inboxOwn: 100_000,
  inboxTotal: 2_000_000,
  inboxSeconds: 10,
  memorySockets: [1_000, 10_000],
  emailBacklog: 10_000,
  emailSeconds: 5,
  emailPipeline: 5_000,
  digestUsers: 10_000,
  digestItems: 20,
};

export const quickSizes: Sizes = {
  ingestConnections: [1, 16],
  ingestSeconds: 2,
  batchEvents: 500,
  batchConnections: 2,
  batchRounds: 1,
  batchWarmUp: false,
  batchSeconds: 2,
  fanoutRecipients: 1_000,
  fanoutRepeats: 2,
  e2eSockets: 250,
  e2eRate: 100,
  e2eSeconds: 3,
  e2eWarmUpSeconds: 1,
  inboxOwn: 5_000,
  inboxTotal: 50_000,
  inboxSeconds: 2,
  memorySockets: [250, 1_000],
  emailBacklog: 1_000,
  emailSeconds: 2,
  emailPipeline: 1_000,
  digestUsers: 300,
  digestItems: 20,
};
