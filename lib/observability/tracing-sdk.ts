// The OpenTelemetry SDK: started by the server when OTEL_EXPORTER_OTLP_ENDPOINT is set (the OTLP/HTTP
// exporter reads the standard OTEL_* variables), or by tests with an in-memory exporter.
import { context, propagation, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { env } from "@/lib/env";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-node";

let provider: NodeTracerProvider | undefined;

/**
 * Starts exporting spans: to the OTLP/HTTP endpoint of the standard OTEL_* variables, or to the
 * given exporter (tests). Returns the shutdown that flushes what is pending.
 */
export function startTracing(options: { exporter?: SpanExporter; serviceName?: string } = {}) {
  if (provider) return () => Promise.resolve();
  const exporter = options.exporter ?? new OTLPTraceExporter();
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      "service.name": options.serviceName ?? env().OTEL_SERVICE_NAME,
    }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  // Sets the global provider, AsyncLocalStorage context and the W3C trace-context propagator.
  provider.register();
  return async () => {
    await provider?.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
    provider = undefined;
  };
}
