// Keeps the platform's failed (and duplicate) event submissions so an integrator can see in the
// console why a call did not create notifications. Bodies are trimmed and sensitive fields redacted.
import { db } from "@/lib/db";
import { catalog } from "@/lib/notifications/catalog";

const MAX_BODY_CHARS = 4000;
const sensitiveFields = new Set(Object.values(catalog).flatMap((definition) => definition.sensitive));

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, sensitiveFields.has(key) ? "[redacted]" : redactValue(v)]),
    );
  }
  return value;
}

/**
 * A body that is not JSON (or was not parsed): a quoted value after a sensitive field's name is
 * replaced; after an unquoted or otherwise mangled one, where its end cannot be known, nothing more
 * is kept.
 */
function redactText(body: string): string {
  let text = body;
  for (const field of sensitiveFields) {
    const name = new RegExp(`(["']?)${field}\\1\\s*[:=]?\\s*`, "gi");
    let out = "";
    let from = 0;
    for (let match = name.exec(text); match; match = name.exec(text)) {
      const valueStart = match.index + match[0].length;
      const quoted = /^"(?:[^"\\\r\n]|\\.)*"/.exec(text.slice(valueStart));
      out += text.slice(from, valueStart);
      if (!quoted) return `${out}[redacted: the rest of the body follows a sensitive field]`;
      out += '"[redacted]"';
      from = name.lastIndex = valueStart + quoted[0].length;
    }
    text = out + text.slice(from);
  }
  return text;
}

/** The body as it may be stored and shown: sensitive fields replaced, at most 4000 characters. */
function redactBody(body: unknown): string | null {
  if (body === undefined) return null;
  let text: string;
  if (typeof body === "string") {
    text = redactText(body);
  } else {
    text = JSON.stringify(redactValue(body));
  }
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}…` : text;
}

export interface Rejection {
  apiKeyId?: string | null;
  status: number;
  code: string;
  message: string;
  body?: unknown;
}

function field(body: unknown, key: string) {
  const value = body && typeof body === "object" ? (body as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value.slice(0, 200) : null;
}

/** Records rejections without delaying the response; a failure to record is logged, never raised. */
export function recordRejections(rejections: Rejection[]) {
  if (!rejections.length) return;
  void db.ingestRejection
    .createMany({
      data: rejections.map((r) => ({
        apiKeyId: r.apiKeyId ?? null,
        status: r.status,
        code: r.code,
        message: r.message.slice(0, 1000),
        externalId: field(r.body, "id"),
        type: field(r.body, "type"),
        organizationId: field(r.body, "organizationId"),
        body: redactBody(r.body),
      })),
    })
    .catch((error: unknown) => console.error("could not record rejected events", error));
}
