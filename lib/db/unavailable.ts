// Is this error "the database cannot be reached right now"? One answer for every layer that can
// throw it (Prisma through @prisma/adapter-pg, pg, the socket), so the API answers 503 with
// Retry-After during an outage instead of 500, and recovers by itself when the database is back.

// Prisma: can't reach (P1001), timed out (P1002, P1008), connection closed (P1017), no
// connection from the pool in time (P2024).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// @prisma/adapter-pg's error kinds for the same situations.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// Sockets, and Postgres refusing or ending sessions: shutting down, crash recovery, starting up,
// too many connections, any connection exception (class 08).
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
// pg's own errors carry no code.
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Can't reach database server|Server has closed the connection/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const candidate = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown; code?: unknown } } };
  };
  const code = typeof candidate.code === "string" ? candidate.code : "";
  if (PRISMA_CODES.has(code) || CODES.has(code) || code.startsWith("08")) return true;
  const adapterCause = candidate.meta?.driverAdapterError?.cause;
  if (adapterCause && ADAPTER_KINDS.has(String(adapterCause.kind))) return true;
  if (adapterCause?.kind === "postgres" && typeof adapterCause.code === "string") {
    if (CODES.has(adapterCause.code) || adapterCause.code.startsWith("08")) return true;
  }
  if (typeof candidate.message === "string" && MESSAGES.test(candidate.message)) return true;
  if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
    return true;
  return isDatabaseUnavailable(candidate.cause, depth + 1);
}

/** Seconds a client should wait before retrying while the database is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

let lastLogged = 0;
/** One log line per 5 s at most: an outage under load would otherwise print one per request. */
export function logDatabaseUnavailable(error: unknown) {
  if (Date.now() - lastLogged < 5_000) return;
  lastLogged = Date.now();
  const message = error instanceof Error ? error.message.trim().split("\n").pop() : String(error);
  console.error(`Database unavailable: answering 503 (${message})`);
}
