// The inbox page cursor: an opaque base64url string of the last item's createdAt and id.
// Decoding validates it, so a tampered or truncated cursor is a 422, not a database error.
import { AppError } from "@/lib/errors";

export interface CursorPosition {
  createdAt: Date;
  id: string;
}

export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`, "utf8").toString("base64url");
}

const invalid = () =>
  new AppError("validation_failed", "Invalid request: cursor is not a cursor from this API", [
    { path: "cursor", message: "Invalid cursor" },
  ]);

export function decodeCursor(cursor: string): CursorPosition {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw invalid();
  const [iso, id, extra] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!iso || !id || extra !== undefined) throw invalid();
  const createdAt = new Date(iso);
  // Round-trip check: only the exact ISO form we produce is accepted.
  if (Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== iso || !/^[\w-]{1,64}$/.test(id))
    throw invalid();
  return { createdAt, id };
}
