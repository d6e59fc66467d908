// Recipient rules (routing.md, "Recipient rules"): who receives a type, as To / Cc / Bcc lists of
// Recipients. The request bodies of the session API and the Platform API mirror, and the
// OpenAPI document, come from these schemas. Client-safe: the editor validates with them too.
import { z } from "zod";
import { audienceTokens, type AudienceToken } from "@/lib/notifications/catalog";
import { platformIdSchema, roleSchema } from "@/lib/directory/schemas";
import type { Role } from "@/lib/generated/prisma/enums";

export const ruleFields = ["to", "cc", "bcc"] as const;
export type RuleField = (typeof ruleFields)[number];

/** Strongest first: a person named in several fields ends in the first of them. */
export const fieldStrength: Record<RuleField, number> = { to: 0, cc: 1, bcc: 2 };

export const recipientOrgKinds = ["customer", "reseller", "distributor", "vendor"] as const;
export type RecipientOrgKind = (typeof recipientOrgKinds)[number];

export type Recipient =
  { token: AudienceToken } | { role: Role; of: RecipientOrgKind } | { userId: string } | { email: string };

export interface Rule {
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
}

const MAX_RULE_ENTRIES = 50;

// The forms, by the keys that make each one. One object schema with every key optional (and an
// exactly-one-form check) rather than a union, so a bad entry's error names the bad key
// ("to[2].email: Invalid email address") instead of "Invalid input".
const forms: readonly (readonly string[])[] = [["token"], ["role", "of"], ["userId"], ["email"]];
const formText = '{"token"}, {"role", "of"}, {"userId"} or {"email"}';

export const recipientSchema = z
  .object({
    token: z.enum(audienceTokens as [AudienceToken, ...AudienceToken[]]).optional(),
    role: roleSchema.optional(),
    of: z.enum(recipientOrgKinds).optional(),
    userId: platformIdSchema.optional(),
    // Lowercased as the directory stores addresses, so an address of a user is found as that user.
    email: z.string().trim().toLowerCase().pipe(z.email().max(320)).optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const keys = Object.keys(entry).filter((key) => entry[key as keyof typeof entry] !== undefined);
    const form = forms.find((candidate) => candidate.some((key) => keys.includes(key)));
    if (!form) {
      ctx.addIssue({ code: "custom", message: `Give one recipient: ${formText}` });
      return;
    }
    for (const key of form)
      if (!keys.includes(key)) ctx.addIssue({ code: "custom", path: [key], message: `Required with "${form[0]}"` });
    for (const key of keys)
      if (!form.includes(key))
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `Not allowed with "${form[0]}": one recipient per entry`,
        });
  })
  .transform((entry) => entry as Recipient)
  .meta({
    description:
      'Exactly one of: {"token": audience token or "actor"}, {"role", "of": customer|reseller|distributor|vendor}, {"userId"}, {"email"} (an address outside the directory: email only).',
  });

const list = z.array(recipientSchema).max(MAX_RULE_ENTRIES).default([]);

/** PUT body of both APIs: the rule, and whether organizations beneath may replace it. */
export const recipientRuleBody = z
  .object({ to: list, cc: list, bcc: list, locked: z.boolean().optional() })
  .strict()
  .superRefine((rule, ctx) => {
    const total = rule.to.length + rule.cc.length + rule.bcc.length;
    if (total > MAX_RULE_ENTRIES)
      ctx.addIssue({ code: "custom", message: `At most ${MAX_RULE_ENTRIES} entries in all (${total} given)` });
  })
  .meta({ description: "A recipient rule: To, Cc and Bcc lists (at most 50 entries in all)." });

export type RecipientRuleBody = z.output<typeof recipientRuleBody>;

const ruleSourceSchema = z.enum(["catalog", "organization"]);

/** One type's effective rule for an organization, as both APIs answer it. */
export const recipientRuleItemSchema = z.object({
  type: z.string(),
  rule: z.object({ to: z.array(recipientSchema), cc: z.array(recipientSchema), bcc: z.array(recipientSchema) }),
  source: ruleSourceSchema,
  sourceOrganizationId: z.string().optional(),
  sourceName: z.string().optional(),
  locked: z.boolean(),
});

export interface RecipientRuleItem {
  type: string;
  rule: Rule;
  source: "catalog" | "organization";
  sourceOrganizationId?: string;
  sourceName?: string;
  /** The effective rule is locked (here or above). */
  locked: boolean;
  /** This organization has its own rule. */
  own: boolean;
  /** Why the signed-in admin cannot change it here (a lock they do not own), when that is the case. */
  lockedBy?: string;
}

/** Who a preview reaches. */
export interface PreviewRecipient {
  userId?: string;
  email: string;
  name?: string;
  field: RuleField;
  via: string;
}

export function recipientKey(entry: Recipient): string {
  if ("token" in entry) return `token:${entry.token}`;
  if ("role" in entry) return `role:${entry.role}:${entry.of}`;
  if ("userId" in entry) return `user:${entry.userId}`;
  return `email:${entry.email}`;
}
