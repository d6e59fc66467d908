// The render pool's thread (lib/email/render-pool.ts): React Email and the templates load here,
// once per thread, and each task renders one email. Pure: no database, nothing kept between tasks.
import { setPriority } from "node:os";
import { workerData } from "piscina";
import type { NotificationData, NotificationType } from "@/lib/notifications/catalog";
import { renderDigest, renderEmail, type RenderedEmail } from "./render";
import type { DigestProps, EmailContext } from "./types";

export interface RenderThreadData {
  /**
   * The thread's nice value (Linux keeps one per thread): above 0, the kernel runs the event loop
   * that answers the API and the sockets first, and rendering takes the CPU time left over.
   */
  nice: number;
}

const { nice } = (workerData ?? { nice: 0 }) as RenderThreadData;
if (nice > 0) {
  try {
    setPriority(0, nice); // 0: this thread only
  } catch {
    // not permitted here (some containers): render at the process's priority
  }
}

/** One notification's email, or a digest. */
export type RenderTask =
  { type: NotificationType; data: NotificationData<NotificationType>; context: EmailContext } | { digest: DigestProps };

/** A template's own error comes back as a value: the pool rejects only for a thread that died. */
export type RenderOutcome = { ok: true; email: RenderedEmail } | { ok: false; error: string };

export default async function render(task: RenderTask): Promise<RenderOutcome> {
  try {
    const email =
      "digest" in task ? await renderDigest(task.digest) : await renderEmail(task.type, task.data, task.context);
    return { ok: true, email };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
