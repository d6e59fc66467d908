// One long-lived LISTEN connection, kept up through database outages without a storm: at most
// one client exists at a time, each failed or lost client is closed before the next attempt, and
// attempts back off exponentially with jitter up to a cap. Every pg error is handled here, so an
// outage never surfaces as an uncaught exception. Used for each purpose that listens (cache
// invalidation, email wake-ups); the Socket.IO Postgres adapter keeps its own, see socket-adapter.ts.
import pg from "pg";
import { retryDelayMs } from "@/lib/backoff";

interface PgListenerOptions {
  connectionString: string;
  channels: string[];
  /** A name for log lines ("cache invalidation"). */
  name: string;
  onNotification(channel: string, payload: string | undefined): void;
  /** After each successful LISTEN; `reconnected` is false the first time. */
  onListening?(reconnected: boolean): void;
  /** When a connection that was listening is lost (notices may be missed until onListening). */
  onLost?(): void;
  /** First retry delay and cap; each retry doubles it, with jitter. */
  backoff?: { baseMs: number; maxMs: number };
  log?: (message: string) => void;
}

export interface PgListener {
  /** Settles after the first attempt (listening or failed; later attempts continue either way). */
  ready: Promise<void>;
  /** Listens on one more channel, now if connected and after every reconnection. */
  addChannel(channel: string): Promise<void>;
  listening(): boolean;
  stop(): Promise<void>;
}

const LISTENER_BACKOFF = { baseMs: 250, maxMs: 5_000 };

export function createPgListener(options: PgListenerOptions): PgListener {
  const backoff = options.backoff ?? LISTENER_BACKOFF;
  const channels = new Set(options.channels);
  const log = options.log ?? ((message: string) => console.error(`[${options.name}] ${message}`));
  let stopped = false;
  let client: pg.Client | undefined;
  let isListening = false;
  let wakeFromSleep: (() => void) | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeFromSleep = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function listenOnce(listenedBefore: boolean): Promise<boolean> {
    const current = new pg.Client({
      connectionString: options.connectionString,
      connectionTimeoutMillis: 5_000,
      // A peer that vanished without closing (network cut) is noticed by TCP keepalive.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client = current;
    // Resolves on the first sign of trouble; the handler stays so later errors are never uncaught.
    let lostConnection: () => void = () => {};
    const lost = new Promise<void>((resolve) => (lostConnection = resolve));
    current.on("error", (error) => {
      if (!stopped) log(`connection error: ${error.message}`);
      lostConnection();
    });
    current.on("end", () => lostConnection());
    current.on("notification", (message) => options.onNotification(message.channel, message.payload));
    let listened = false;
    try {
      await current.connect();
      for (const channel of channels) await current.query(`LISTEN "${channel}"`);
      if (stopped) return false;
      listened = true;
      isListening = true;
      markReady();
      options.onListening?.(listenedBefore);
      await lost;
      isListening = false;
      if (!stopped) {
        log("connection lost: reconnecting");
        options.onLost?.();
      }
    } catch (error) {
      if (!stopped) log(`cannot listen: ${(error as Error).message}`);
    } finally {
      isListening = false;
      // Always closed, whatever failed: an abandoned client would hold a server connection.
      await current.end().catch(() => {});
      if (client === current) client = undefined;
    }
    return listened;
  }

  const loop = (async () => {
    let failures = 0;
    let listenedBefore = false;
    while (!stopped) {
      const listened = await listenOnce(listenedBefore);
      listenedBefore ||= listened;
      markReady();
      if (stopped) break;
      // A connection that was up retries at once (after the base delay); failures back off.
      failures = listened ? 1 : failures + 1;
      await sleep(retryDelayMs(failures, backoff));
    }
  })();

  return {
    ready,
    async addChannel(channel) {
      if (channels.has(channel)) return;
      channels.add(channel);
      // If this fails, the connection is going down and the next one listens on every channel.
      if (isListening) await client?.query(`LISTEN "${channel}"`).catch(() => {});
    },
    listening: () => isListening,
    async stop() {
      stopped = true;
      wakeFromSleep?.();
      await client?.end().catch(() => {});
      await loop;
    },
  };
}
