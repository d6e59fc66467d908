// Caps on outside addresses (recipients.emails: people outside the directory). Without them one
// batch could queue 50,000 emails to arbitrary addresses from the center's sending domain.
// MAX_OUTSIDE_RECIPIENTS_PER_EVENT and MAX_OUTSIDE_RECIPIENTS_PER_BATCH set them (lib/env.ts).
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

function tooMany(path: string, message: string) {
  return new AppError("validation_failed", `Invalid request: ${path} ${message}`, [{ path, message }]);
}

/** 422 at `recipients.emails` when one event names more outside addresses than allowed. */
export function checkEventOutsideRecipients(emails: readonly string[]): AppError | null {
  const max = env().MAX_OUTSIDE_RECIPIENTS_PER_EVENT;
  return emails.length > max
    ? tooMany("recipients.emails", `lists ${emails.length} outside addresses; an event may name at most ${max}`)
    : null;
}

/** 422 at the event where a batch's outside addresses, counted in order, pass the batch's cap. */
export function checkBatchOutsideRecipients(events: readonly unknown[]): AppError | null {
  const max = env().MAX_OUTSIDE_RECIPIENTS_PER_BATCH;
  let total = 0;
  for (const [index, event] of events.entries()) {
    const emails = (event as { recipients?: { emails?: unknown } } | null)?.recipients?.emails;
    total += Array.isArray(emails) ? emails.length : 0;
    if (total > max)
      return tooMany(
        `events[${index}].recipients.emails`,
        `brings the batch to ${total} outside addresses; a batch may name at most ${max} in all (split it)`,
      );
  }
  return null;
}
