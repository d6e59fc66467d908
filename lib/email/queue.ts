// The email queue's wake-up signal. Ingest inserts EmailDelivery rows (status "queued") in the same
// transaction as the notifications, then calls wakeEmailWorker() after commit: workers in this
// process wake at once, workers in other processes through Postgres NOTIFY. Both are hints; the
// workers also poll, so a lost signal only delays a send.
import { db, sql } from "@/lib/db";

export const EMAIL_WAKE_CHANNEL = "email_jobs";

type Listener = () => void;
// On globalThis: Next bundles route handlers (where ingest runs) apart from server.ts (the worker).
const globalForWake = globalThis as unknown as {
  __emailWakeListeners?: Set<Listener>;
  __emailNotifyPending?: boolean;
  __emailNotifiedAt?: number;
};
const listeners = (globalForWake.__emailWakeListeners ??= new Set());

// Other instances are told at most once per window: under heavy ingest, one NOTIFY covers many events.
const NOTIFY_WINDOW_MS = 25;

/** Subscribes a worker in this process; returns the unsubscribe function. */
export function onEmailWake(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function wakeEmailWorker(): void {
  for (const listener of listeners) listener();
  if (globalForWake.__emailNotifyPending) return;
  globalForWake.__emailNotifyPending = true;
  const wait = Math.max(0, (globalForWake.__emailNotifiedAt ?? 0) + NOTIFY_WINDOW_MS - Date.now());
  setTimeout(() => {
    globalForWake.__emailNotifyPending = false;
    globalForWake.__emailNotifiedAt = Date.now();
    db.$executeRaw(sql`SELECT pg_notify(${EMAIL_WAKE_CHANNEL}, '')`).catch(() => {});
  }, wait).unref?.();
}
