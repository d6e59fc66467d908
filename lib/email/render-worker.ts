// The render pool's thread (lib/email/render-pool.ts): React Email and the templates load here,
// once per thread, and each task renders one email. Pure: no database, nothing kept between tasks.
import type { NotificationData, NotificationType } from "@/lib/notifications/catalog";
import { renderEmail, type RenderedEmail } from "./render";
import type { EmailContext } from "./types";

export interface RenderTask {
  type: NotificationType;
  data: NotificationData<NotificationType>;
  context: EmailContext;
}

/** A template's own error comes back as a value: the pool rejects only for a thread that died. */
export type RenderOutcome = { ok: true; email: RenderedEmail } | { ok: false; error: string };

export default async function render(task: RenderTask): Promise<RenderOutcome> {
  try {
    return { ok: true, email: await renderEmail(task.type, task.data, task.context) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
