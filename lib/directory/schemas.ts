// Directory sync contracts (architecture.md, Platform API): the request and response bodies of
// PUT /api/v1/organizations/{id}, PUT|DELETE /api/v1/users/{id} and the sign-in link endpoint.
// Exported by name so the OpenAPI document is generated from the same schemas.
import { z } from "zod";
import { OrgKind, Role } from "@/lib/generated/prisma/enums";
import { hasUnsafeCharacters, UNSAFE_CHARACTERS_MESSAGE } from "@/lib/text/clean";

/** A platform id as it appears in a URL path: "." and ".." would be rewritten by URL parsers. */
export const platformIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_.:-]+$/, "must contain only letters, digits and _ . : -")
  .refine((id) => id !== "." && id !== "..", "must not be . or ..")
  .meta({ description: "The platform's own id", example: "cust_42" });

const organizationKindSchema = z.enum(OrgKind);
const organizationStatusSchema = z.enum(["active", "inactive", "suspended", "pending_approval"]);
export const roleSchema = z.enum(Role);

// Names reach email From lines, subjects and every page: refused (422 at `name`) with a line
// break, a control or a bidi formatting character, rather than silently changed (lib/text/clean.ts).
const name = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((value) => !hasUnsafeCharacters(value), UNSAFE_CHARACTERS_MESSAGE);

const brandingSchema = z
  .object({
    logoUrl: z
      .url({ protocol: /^https$/, message: "must be an https:// URL" })
      .max(2000)
      .optional(),
    primaryColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1a2b3c")
      .transform((colour) => colour.toLowerCase())
      .optional(),
  })
  .strict();

// Unknown keys are refused (422) rather than dropped, so a misspelt field never goes unnoticed.
// An `id` in the body is accepted when it repeats the path's id.
export const organizationUpsertSchema = z
  .object({
    id: platformIdSchema.optional(),
    name,
    kind: organizationKindSchema,
    parentId: platformIdSchema.nullish(),
    status: organizationStatusSchema.optional(),
    primaryContactId: platformIdSchema.nullish(),
    billingContactId: platformIdSchema.nullish(),
    branding: brandingSchema.nullish(),
  })
  .strict()
  .meta({ title: "OrganizationUpsert" });

export type OrganizationUpsert = z.infer<typeof organizationUpsertSchema>;

function validTimeZone(value: string) {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function validLocale(value: string) {
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

/** A BCP 47 language tag, canonicalized (en-gb → en-GB). */
export const localeSchema = z
  .string()
  .max(35)
  .transform(
    (value, ctx) =>
      validLocale(value) ??
      (ctx.addIssue({ code: "custom", message: "must be a BCP 47 language tag such as en-GB" }), z.NEVER),
  );

/** An IANA time zone the platform's Intl knows. */
export const timezoneSchema = z
  .string()
  .max(64)
  .transform(
    (value, ctx) =>
      validTimeZone(value) ??
      (ctx.addIssue({ code: "custom", message: "must be an IANA time zone such as Europe/Paris" }), z.NEVER),
  );

export const userUpsertSchema = z
  .object({
    id: platformIdSchema.optional(),
    email: z.string().trim().toLowerCase().pipe(z.email().max(320)),
    name,
    organizationId: platformIdSchema,
    role: roleSchema,
    locale: localeSchema.optional(),
    timezone: timezoneSchema.optional(),
  })
  .strict()
  .meta({ title: "UserUpsert" });

export type UserUpsert = z.infer<typeof userUpsertSchema>;

// Responses.
export const organizationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: organizationKindSchema,
    parentId: z.string().nullable(),
    status: organizationStatusSchema,
    primaryContactId: z.string().nullable(),
    billingContactId: z.string().nullable(),
    branding: z.object({ logoUrl: z.string().optional(), primaryColor: z.string().optional() }).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ title: "Organization" });

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    organizationId: z.string(),
    role: roleSchema,
    locale: z.string(),
    timezone: z.string(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ title: "User" });

export const userDeactivatedSchema = z
  .object({ id: z.string(), active: z.literal(false) })
  .meta({ title: "UserDeactivated" });

export const signInLinkSchema = z.object({ url: z.url(), expiresAt: z.iso.datetime() }).meta({
  title: "SignInLink",
  description: "A one-time link, valid for 10 minutes, that signs the user into the notification center",
});
