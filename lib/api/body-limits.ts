// How large a request body may be: one table for every route, enforced twice. The custom server
// (lib/server/body-limit.ts) counts the bytes before Next, authentication or NextAuth see the
// request; readBodyText checks again for handlers called directly (tests, other servers).
import { AppError } from "@/lib/errors";

const KiB = 1024;
const MiB = 1024 * KiB;

/** Every route not listed below: pages, server actions, the browser API, NextAuth, single events. */
export const MAX_BODY_BYTES = 1 * MiB;
export const MAX_BATCH_BYTES = 5 * MiB;
export const MAX_WEBHOOK_BYTES = 256 * KiB;

const routeLimits: Record<string, number> = {
  "/api/v1/events/batch": MAX_BATCH_BYTES,
  "/api/webhooks/resend": MAX_WEBHOOK_BYTES,
};

/** The cap for a request path (without its query). */
export function bodyLimitFor(pathname: string): number {
  return routeLimits[pathname.replace(/\/+$/, "")] ?? MAX_BODY_BYTES;
}

export const bodyTooLarge = (maxBytes: number) =>
  new AppError("payload_too_large", `The body is larger than ${maxBytes} bytes`);
