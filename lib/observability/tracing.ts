// Spans of our own, through @opentelemetry/api: one trace per event from the ingest request
// through the database write to the socket emit; email and webhook jobs start their own trace,
// linked to the event's. The API is a no-op until tracing-sdk.ts registers a provider (only when
// OTEL_EXPORTER_OTLP_ENDPOINT is set), and it keeps that provider on globalThis, so the spans of
// route handlers (bundled by Next) and of server.ts land in the same trace.
import { context, propagation, trace, SpanStatusCode, type Context, type Link, type Span } from "@opentelemetry/api";

const tracer = () => trace.getTracer("notification-center");

/** Span attribute names of our own. */
export const EVENT_ID = "nc.event_id";
export const EVENT_TYPE = "nc.event_type";

/** Runs `work` in a new active span, ended (and marked failed on a throw) when it settles. */
export async function inSpan<T>(
  name: string,
  attributes: Record<string, string | number>,
  work: (span: Span) => Promise<T>,
  links?: Link[],
): Promise<T> {
  return tracer().startActiveSpan(name, { attributes, links }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The incoming request's trace context (`traceparent`), so the platform's own trace continues. */
export const requestContext = (request: Request) =>
  propagation.extract(context.active(), Object.fromEntries(request.headers));

/** A link to the trace a job was created in, from its stored `traceparent`. */
export function linkTo(traceparent: string | null | undefined): Link[] {
  if (!traceparent) return [];
  const spanContext = trace.getSpanContext(propagation.extract(context.active(), { traceparent }));
  return spanContext ? [{ context: spanContext }] : [];
}

/** The active trace context, to carry work done later or for several callers at once. */
export const activeContext = (): Context => context.active();

/**
 * Records a step that already happened (start and end in ms since the epoch) as a span under
 * `parent`: work shared by several events (one statement for a group) shows in each event's trace.
 */
export function recordSpan(
  name: string,
  parent: Context,
  startMs: number,
  endMs: number,
  attributes: Record<string, string | number>,
) {
  tracer().startSpan(name, { startTime: startMs, attributes }, parent).end(endMs);
}

/** A context's W3C `traceparent`, stored with an event so its jobs can link to its trace. */
export function traceparentOf(parent: Context): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(parent, carrier);
  return carrier.traceparent ?? null;
}
