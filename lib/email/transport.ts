// One sender, two transports: Resend when RESEND_API_KEY is set, otherwise the development
// mailbox (CapturedEmail rows shown at /dev/mailbox). Mail is never silently dropped.
import "server-only";
import { Resend } from "resend";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { cleanLine } from "@/lib/text/clean";

export interface OutgoingEmail {
  /** The delivery job's id: Resend's idempotency key and the captured email's id. */
  id: string;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/** EMAIL_FROM's address under a display name (the reseller's brand): one line without quotes, controls or bidi characters. */
export function senderFor(from: string, displayName: string): string {
  const address = (/<([^>]+)>\s*$/.exec(from)?.[1] ?? from).trim();
  return `"${cleanLine(displayName).replace(/["\\<>]/g, "")}" <${address}>`;
}

/**
 * An email as it leaves the center, whoever made it (one event's email, a digest): its subject and
 * header values are one clean line each, so text from events never breaks a header (lib/text/clean.ts).
 */
export function withSafeHeaders(email: OutgoingEmail): OutgoingEmail {
  const headers = Object.fromEntries(Object.entries(email.headers).map(([name, value]) => [name, cleanLine(value)]));
  return { ...email, subject: cleanLine(email.subject), headers };
}

export type SendResult =
  | { ok: true; providerId: string }
  | { ok: false; retryable: boolean; status: number | null; error: string; retryAfterMs?: number };

/** A batch's answer: one result per email, in order; or the whole batch failed. */
export type BatchResult = { ok: true; results: SendResult[] } | Extract<SendResult, { ok: false }>;

/** Resend's batch API takes at most this many emails per request. */
export const MAX_BATCH = 100;

export interface EmailTransport {
  name: "resend" | "mailbox";
  send(email: OutgoingEmail): Promise<SendResult>;
  /** Several emails in one request (Resend's batch API) under one idempotency key; absent: one request each. */
  sendBatch?(emails: OutgoingEmail[], idempotencyKey: string): Promise<BatchResult>;
}

/** Retry-After as seconds or as an HTTP date → milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// Resend error names that mean "try again later" even without a status code.
const retryableNames = new Set([
  "application_error",
  "internal_server_error",
  "rate_limit_exceeded",
  "concurrent_idempotent_requests",
  "daily_quota_exceeded",
]);

/** Network errors, 429, 5xx and "same key still in flight" are retried; other 4xx are final. */
export function classifyResendError(
  error: { statusCode?: number | null; name?: string; message?: string },
  headers: Record<string, string> | null,
) {
  const status = typeof error.statusCode === "number" ? error.statusCode : null;
  const retryable =
    status === null
      ? retryableNames.has(error.name ?? "application_error")
      : status === 429 || status >= 500 || error.name === "concurrent_idempotent_requests";
  return {
    ok: false as const,
    retryable,
    status,
    error: `${status ?? "network"} ${error.name ?? "error"}: ${error.message ?? "no message"}`.slice(0, 1000),
    retryAfterMs: parseRetryAfter(headers?.["retry-after"]),
  };
}

/** `timeoutMs`: a hung request must not hold the job past its lease; it counts as a network error. */
export function resendTransport(options: { apiKey: string; baseUrl?: string; timeoutMs?: number }): EmailTransport {
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  const payload = (email: OutgoingEmail) => ({
    from: email.from,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: email.headers,
    // Lets the webhook find the job even if it arrives before the send's answer is stored.
    tags: [{ name: "delivery_id", value: email.id }],
  });
  return {
    name: "resend",
    async sendBatch(emails, idempotencyKey) {
      // Permissive: an email Resend refuses (validation) comes back in `errors` by index and the
      // others are sent; strict (the default) would refuse the whole batch for it.
      const { data, error, headers } = await client.batch.send(emails.map(payload), {
        idempotencyKey,
        batchValidation: "permissive",
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (error || !data)
        return classifyResendError(
          (error ?? { name: "application_error", message: "empty response" }) as never,
          headers,
        );
      const refused = new Map((data.errors ?? []).map((entry) => [entry.index, entry.message]));
      // `data` lists the accepted emails' ids in the order sent, without the refused ones.
      const ids = data.data.map((entry) => entry.id);
      let next = 0;
      const results = emails.map((_, index): SendResult => {
        const message = refused.get(index);
        if (message !== undefined)
          return { ok: false, retryable: false, status: 422, error: `422 validation_error: ${message}`.slice(0, 1000) };
        const id = ids[next++];
        return id
          ? { ok: true, providerId: id }
          : { ok: false, retryable: true, status: null, error: "batch answer without this email" };
      });
      return { ok: true, results };
    },
    async send(email) {
      const { data, error, headers } = await client.emails.send(payload(email), {
        idempotencyKey: email.id,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (error || !data)
        return classifyResendError(
          (error ?? { name: "application_error", message: "empty response" }) as never,
          headers,
        );
      return { ok: true, providerId: data.id };
    },
  };
}

export function mailboxTransport(): EmailTransport {
  return {
    name: "mailbox",
    async send(email) {
      // Keyed by the job id: a retried job (e.g. after a crash) is captured once.
      await db.capturedEmail.createMany({
        data: [
          {
            id: email.id,
            to: email.to,
            from: email.from,
            subject: email.subject,
            html: email.html,
            text: email.text,
            headers: email.headers,
          },
        ],
        skipDuplicates: true,
      });
      return { ok: true, providerId: `mailbox_${email.id}` };
    },
  };
}

/**
 * Resend with RESEND_API_KEY; the development mailbox otherwise (also when EMAIL_DISABLED).
 * `timeoutMs`: the worker's per-request timeout, shorter than its lease.
 */
export function defaultTransport(options: { timeoutMs?: number } = {}): EmailTransport {
  const config = env();
  return mailIsCaptured() || !config.RESEND_API_KEY
    ? mailboxTransport()
    : resendTransport({ apiKey: config.RESEND_API_KEY, timeoutMs: options.timeoutMs });
}

export function mailIsCaptured(): boolean {
  const config = env();
  return !config.RESEND_API_KEY || config.EMAIL_DISABLED;
}

export async function sendEmail(
  email: OutgoingEmail,
  transport: EmailTransport = defaultTransport(),
): Promise<SendResult> {
  try {
    return await transport.send(email);
  } catch (error) {
    // The SDK reports errors as values; a throw here is ours (e.g. the database) and may pass.
    return { ok: false, retryable: true, status: null, error: `transport: ${(error as Error).message}`.slice(0, 1000) };
  }
}
