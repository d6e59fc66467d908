// Path and query parameters of the recipient rule routes.
import { z } from "zod";
import { AppError, validationError } from "@/lib/errors";
import { isNotificationType, type NotificationType } from "@/lib/notifications/catalog";
import { platformIdSchema } from "@/lib/directory/schemas";

/** The {type} path segment: an unknown type is a 404, like any unknown resource. */
export function typeParam(type: string): NotificationType {
  if (!isNotificationType(type)) throw new AppError("not_found", `Unknown notification type "${type.slice(0, 100)}"`);
  return type;
}

const previewQuery = z.object({ for: platformIdSchema });

/** ?for=<organization id>: the organization the preview is for (this one when absent). */
export function previewFor(request: Request, organizationId: string): string {
  const params = new URL(request.url).searchParams;
  if (!params.has("for")) return organizationId;
  const parsed = previewQuery.safeParse({ for: params.get("for") });
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data.for;
}

const peopleQuery = z.object({
  q: z.string().trim().max(200).default(""),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export function peopleParams(request: Request) {
  const parsed = peopleQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw validationError(parsed.error, "query");
  return parsed.data;
}
