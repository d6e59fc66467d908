// The webhook queue's wake-up signal (see lib/queue/wake.ts).
import { createWakeSignal } from "@/lib/queue/wake";

export const webhookWake = createWakeSignal("webhook_jobs");
