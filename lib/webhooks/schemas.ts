// Request bodies of the webhooks API (routing.md, "Webhooks").
import { z } from "zod";
import { notificationTypes } from "@/lib/notifications/catalog";

const MAX_URL_LENGTH = 2048;

const types = z
  .array(z.union([z.literal("*"), z.enum(notificationTypes)]))
  .min(1, 'Choose at least one type, or ["*"] for every type')
  .max(notificationTypes.length)
  .refine((list) => !list.includes("*") || list.length === 1, {
    message: '"*" stands alone: it already means every type',
  })
  .transform((list) => [...new Set(list)]);

// Descriptions reach the UI only (never a header), but still no control characters.
const description = z
  .string()
  .trim()
  .max(500)
  .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters");

const url = z.string().trim().min(1, "is required").max(MAX_URL_LENGTH);

export const createWebhookBody = z
  .object({ url, types, description: description.optional(), enabled: z.boolean().optional() })
  .strict();

export const updateWebhookBody = z
  .object({
    url: url.optional(),
    types: types.optional(),
    description: description.optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "Give at least one of url, types, description, enabled" });

export type CreateWebhookBody = z.infer<typeof createWebhookBody>;
export type UpdateWebhookBody = z.infer<typeof updateWebhookBody>;
