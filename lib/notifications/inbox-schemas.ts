// Request schemas of the browser inbox API, shared by the routes and their tests.
import { z } from "zod";
import { categoryKeys } from "@/lib/notifications/catalog";
import { DEFAULT_PAGE_SIZE, inboxStatuses, MAX_PAGE_SIZE } from "@/lib/notifications/inbox";
import { snoozeProblem } from "@/lib/notifications/snooze-time";

// Query strings arrive as strings; an empty value means "not given" (e.g. `category=`).
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const listQuerySchema = z.strictObject({
  status: z.preprocess(blankToUndefined, z.enum(inboxStatuses).default("all")),
  category: z.preprocess(blankToUndefined, z.enum(categoryKeys as [string, ...string[]]).optional()),
  cursor: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  limit: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+$/, "Must be a whole number")
      .transform(Number)
      .pipe(z.number().int().min(1).max(MAX_PAGE_SIZE))
      .default(DEFAULT_PAGE_SIZE),
  ),
});

export const countQuerySchema = z.strictObject({
  category: z.preprocess(blankToUndefined, z.enum(categoryKeys as [string, ...string[]]).optional()),
});

// snoozedUntil: an ISO 8601 time with its offset, in the future and at most MAX_SNOOZE_DAYS ahead;
// null brings the notification back at once.
const snoozedUntil = z.iso
  .datetime({ offset: true })
  .transform((value, ctx) => {
    const until = new Date(value);
    const problem = snoozeProblem(until, new Date());
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    return until;
  })
  .nullable()
  .optional();

export const updateBodySchema = z
  .strictObject({ read: z.boolean().optional(), archived: z.boolean().optional(), snoozedUntil })
  .refine((body) => body.read !== undefined || body.archived !== undefined || body.snoozedUntil !== undefined, {
    message: "Send read, archived or snoozedUntil",
  });

export const readAllBodySchema = z.strictObject({
  category: z.enum(categoryKeys as [string, ...string[]]).optional(),
});

/** Query string → plain object; a repeated key is kept as an array so the schema rejects it. */
export function queryObject(request: Request): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    const prior = out[key];
    out[key] = prior === undefined ? value : [...(Array.isArray(prior) ? prior : [prior]), value];
  }
  return out;
}
