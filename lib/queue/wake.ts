// A durable queue's wake-up signal: writers call wake() after commit; workers in this process are
// told at once, workers in other processes through Postgres NOTIFY (at most once per window, so
// under load one NOTIFY covers many jobs). Both are hints: workers also poll, so a lost signal
// only delays a job.
import { db, sql } from "@/lib/db";

type Listener = () => void;

interface WakeState {
  listeners: Set<Listener>;
  pending: boolean;
  notifiedAt: number;
}

const NOTIFY_WINDOW_MS = 25;

export interface WakeSignal {
  channel: string;
  /** Subscribes a worker in this process; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void;
  wake(): void;
}

export function createWakeSignal(channel: string): WakeSignal {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`Bad channel name ${channel}`);
  // On globalThis: Next bundles route handlers apart from server.ts (where the worker runs).
  const store = globalThis as unknown as Record<string, WakeState | undefined>;
  const key = `__wake_${channel}`;
  const state = (store[key] ??= { listeners: new Set(), pending: false, notifiedAt: 0 });
  return {
    channel,
    subscribe(listener) {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
    wake() {
      for (const listener of state.listeners) listener();
      if (state.pending) return;
      state.pending = true;
      const wait = Math.max(0, state.notifiedAt + NOTIFY_WINDOW_MS - Date.now());
      setTimeout(() => {
        state.pending = false;
        state.notifiedAt = Date.now();
        db.$executeRaw(sql`SELECT pg_notify(${channel}, '')`).catch(() => {});
      }, wait).unref?.();
    },
  };
}
