// One error type and one mapper: every API error has the shape
// {"error": {"code", "message", "details"?}} with the status its code implies.
import { ZodError } from "zod";
import { isDatabaseUnavailable, logDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";

export const errorStatus = {
  bad_request: 400,
  malformed_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

type ErrorCode = keyof typeof errorStatus;

export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status() {
    return errorStatus[this.code];
  }
}

/** JSON path of a zod issue, e.g. "data.items[0].quantity". */
export function jsonPath(path: readonly PropertyKey[], prefix = ""): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, prefix);
}

export function zodDetails(error: ZodError, prefix = ""): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: jsonPath(issue.path, prefix) || "$",
    message: issue.message,
    code: issue.code,
  }));
}

export function validationError(error: ZodError, prefix = "") {
  const details = zodDetails(error, prefix);
  const first = details[0];
  const message = first
    ? `Invalid request: ${first.path} ${first.message.charAt(0).toLowerCase()}${first.message.slice(1)}`
    : "Invalid request";
  return new AppError("validation_failed", message, details);
}

/** Maps anything thrown to an AppError; unknown errors become a 500 without internals. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "P2002") return new AppError("conflict", "A record with these values already exists");
  if (code === "P2025") return new AppError("not_found", "Not found");
  if (isDatabaseUnavailable(error)) return serviceUnavailable(error);
  console.error(error);
  return new AppError("internal_error", "Something went wrong on our side. Try again later.");
}

/** 503 with Retry-After: the database is unreachable. Sending the same request again is safe (events are idempotent). */
function serviceUnavailable(cause?: unknown): AppError {
  if (cause !== undefined) logDatabaseUnavailable(cause);
  return new AppError(
    "service_unavailable",
    `The service is temporarily unavailable. Retry in ${UNAVAILABLE_RETRY_AFTER_SECONDS} s.`,
    undefined,
    { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
  );
}

export function errorBody(error: AppError) {
  return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}

export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  return Response.json(errorBody(appError), { status: appError.status, headers: appError.headers });
}
