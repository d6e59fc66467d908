// HTTP side of ingest shared by the single and batch routes: read the body, answer, and record
// what was rejected or duplicated for the console.
import { context, type Span } from "@opentelemetry/api";
import { parseJson, readBodyText } from "@/lib/api/read-json";
import { AppError, errorBody, toAppError } from "@/lib/errors";
import { getType } from "@/lib/notifications/catalog";
import type { IngestResult } from "@/lib/notifications/ingest";
import { publishIfUnpublished } from "@/lib/notifications/publish-sweeper";
import { recordRejections, type Rejection } from "@/lib/notifications/rejections";
import { countEvent, countNotifications, observeIngest } from "@/lib/observability/metrics";
import { EVENT_ID, EVENT_TYPE, inSpan, requestContext } from "@/lib/observability/tracing";

/**
 * Runs an ingest request in its trace span (continuing the caller's `traceparent`) and times it
 * into /metrics, whatever its answer.
 */
export function observedIngest(route: "single" | "batch", request: Request, work: (span: Span) => Promise<Response>) {
  const started = performance.now();
  const name = route === "single" ? "POST /api/v1/events" : "POST /api/v1/events/batch";
  return context
    .with(requestContext(request), () => inSpan(name, {}, work))
    .finally(() => observeIngest(route, (performance.now() - started) / 1000));
}

/** Counts one event's outcome into /metrics and names it on the span. */
export function countOutcome(body: unknown, result: IngestResult | AppError, span?: Span) {
  const type = (body as { type?: unknown } | null)?.type;
  if (span && result instanceof AppError === false) {
    span.setAttributes({ [EVENT_ID]: result.eventId, [EVENT_TYPE]: String(type) });
  }
  if (result instanceof AppError) return countEvent(type, "rejected");
  countEvent(type, result.status);
  if (result.status === "accepted" && typeof type === "string") {
    countNotifications(getType(type)?.category ?? "unknown", result.notifications);
  }
}

/** Reads and parses the body; a failure is recorded (with what could be read) and rethrown. */
export async function readIngestBody(request: Request, apiKeyId: string, maxBytes: number) {
  let text: string | undefined;
  try {
    text = await readBodyText(request, maxBytes);
    return parseJson(text);
  } catch (error) {
    const appError = toAppError(error);
    countEvent(undefined, "rejected");
    recordRejections([
      { apiKeyId, status: appError.status, code: appError.code, message: appError.message, body: text },
    ]);
    throw appError;
  }
}

/** What the console keeps of one event's outcome: rejections and duplicates (accepted events are Event rows). */
export function outcomeRecord(apiKeyId: string, body: unknown, result: IngestResult | AppError): Rejection | null {
  if (result instanceof AppError)
    return { apiKeyId, status: result.status, code: result.code, message: result.message, body };
  if (result.status === "duplicate") {
    return { apiKeyId, status: 200, code: "duplicate", message: `Event ${result.eventId} was already received`, body };
  }
  return null;
}

export function batchItem(result: IngestResult | AppError) {
  return result instanceof AppError ? { status: result.status, ...errorBody(result) } : result;
}

/**
 * A duplicate may be the platform retrying an event whose answer it never got because the
 * instance died, before or after pushing it: if the push never happened, it happens now.
 */
export function pushUnpublishedDuplicates(results: (IngestResult | AppError)[]) {
  const ids = results.flatMap((result) =>
    !(result instanceof AppError) && result.status === "duplicate" ? [result.eventId] : [],
  );
  if (ids.length)
    void publishIfUnpublished(ids).catch((error: Error) =>
      console.error(`push of duplicates failed: ${error.message}`),
    );
}
