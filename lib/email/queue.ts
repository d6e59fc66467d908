// The email queue's wake-up signal (see lib/queue/wake.ts). Ingest inserts EmailDelivery rows
// (status "queued") in the same transaction as the notifications, then calls wakeEmailWorker()
// after commit.
import { createWakeSignal } from "@/lib/queue/wake";

export const emailWake = createWakeSignal("email_jobs");

export const wakeEmailWorker = (): void => emailWake.wake();
