// Request bodies of the preferences APIs. `type` or `category` names the cells: one type, or every
// type of a category (locked and critical cells are then skipped and reported).
import { AppError } from "@/lib/errors";
import { typesFor } from "@/lib/notifications/reach";
import { z } from "zod";
import {
  categoryKeys,
  notificationTypes,
  typesInCategory,
  type Category,
  type NotificationType,
} from "@/lib/notifications/catalog";

const target = {
  type: z.enum(notificationTypes).optional(),
  category: z.enum(categoryKeys as [Category, ...Category[]]).optional(),
  channel: z.enum(["in_app", "email"]),
};

function oneTarget(body: { type?: unknown; category?: unknown }, ctx: z.RefinementCtx) {
  if ((body.type === undefined) === (body.category === undefined)) {
    ctx.addIssue({ code: "custom", path: ["type"], message: "Give either type or category (one of them)" });
  }
}

export const userPreferenceBody = z
  .object({ ...target, enabled: z.boolean().nullable() })
  .strict()
  .superRefine(oneTarget);

export const organizationSettingBody = z
  .object({ ...target, enabled: z.boolean().nullable().optional(), locked: z.boolean().optional() })
  .strict()
  .superRefine(oneTarget)
  .superRefine((body, ctx) => {
    if (body.enabled === undefined && body.locked === undefined) {
      ctx.addIssue({ code: "custom", path: ["enabled"], message: "Give enabled, locked or both" });
    }
  });

/**
 * The types a body names, and whether a refusal is an error (one type) or a skip (a category). A
 * category means the types of it that the settings page of an organization of this kind shows
 * (`typesFor`): setting a whole category never changes a type nobody there can see.
 */
export function targetTypes(
  body: { type?: NotificationType; category?: Category },
  organizationKind: string,
): { types: NotificationType[]; strict: boolean } {
  if (body.type) return { types: [body.type], strict: true };
  const shown = new Set(typesFor(organizationKind));
  const types = typesInCategory(body.category!).filter((type) => shown.has(type));
  if (types.length === 0) {
    const message = `No notification of category ${body.category} reaches ${organizationKind} organizations`;
    throw new AppError(
      "validation_failed",
      `Invalid request: category ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
      [{ path: "category", message }],
    );
  }
  return { types, strict: false };
}

// ---- cadence and delivery schedule ----

const cadence = z.enum(["instant", "hourly", "daily"]);
const categoryKey = z.enum(categoryKeys as [Category, ...Category[]]);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time of day as HH:MM (24-hour)");

/** `PUT /api/preferences/cadence`: null returns to the inherited cadence. */
export const userCadenceBody = z.object({ category: categoryKey, cadence: cadence.nullable() }).strict();

/** `PUT /api/organizations/{id}/notification-settings/cadence`. */
export const organizationCadenceBody = z
  .object({ category: categoryKey, cadence: cadence.nullable().optional(), locked: z.boolean().optional() })
  .strict()
  .superRefine((body, ctx) => {
    if (body.cadence === undefined && body.locked === undefined) {
      ctx.addIssue({ code: "custom", path: ["cadence"], message: "Give cadence, locked or both" });
    }
  });

/** `PUT /api/preferences/schedule`: the daily digest's time and quiet hours (null: none), on the user's clock. */
export const scheduleBody = z
  .object({
    digestTime: clockTime.optional(),
    quietHours: z
      .object({ start: clockTime, end: clockTime, days: z.enum(["every_day", "weekdays", "weekends"]) })
      .strict()
      .refine((quiet) => quiet.start !== quiet.end, { path: ["end"], message: "must differ from start" })
      .nullable()
      .optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.digestTime === undefined && body.quietHours === undefined) {
      ctx.addIssue({ code: "custom", path: ["digestTime"], message: "Give digestTime, quietHours or both" });
    }
  });
