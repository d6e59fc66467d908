// Request bodies of the preferences APIs. `type` or `category` names the cells: one type, or every
// type of a category (locked and critical cells are then skipped and reported).
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

/** The types a body names, and whether a refusal is an error (one type) or a skip (a category). */
export function targetTypes(body: { type?: NotificationType; category?: Category }): {
  types: NotificationType[];
  strict: boolean;
} {
  return body.type ? { types: [body.type], strict: true } : { types: typesInCategory(body.category!), strict: false };
}
