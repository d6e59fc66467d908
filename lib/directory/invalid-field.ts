import { AppError } from "@/lib/errors";

/** A 422 naming one field, for rules zod cannot check (they need the database). */
export function invalidField(path: string, message: string) {
  return new AppError("validation_failed", `Invalid request: ${path} ${message}`, [{ path, message }]);
}
