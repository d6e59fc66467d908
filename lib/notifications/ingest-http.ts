// HTTP side of ingest shared by the single and batch routes: read the body, answer, and record
// what was rejected or duplicated for the console.
import { parseJson, readBodyText } from "@/lib/api/read-json";
import { AppError, errorBody, toAppError } from "@/lib/errors";
import type { IngestResult } from "@/lib/notifications/ingest";
import { recordRejections, type Rejection } from "@/lib/notifications/rejections";

/** Reads and parses the body; a failure is recorded (with what could be read) and rethrown. */
export async function readIngestBody(request: Request, apiKeyId: string, maxBytes: number) {
  let text: string | undefined;
  try {
    text = await readBodyText(request, maxBytes);
    return parseJson(text);
  } catch (error) {
    const appError = toAppError(error);
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
