// "Who would receive this type if it happened now in this organization": the effective rule for
// an organization at or beneath the one being edited, resolved against today's directory (read
// now, not from caches), with the words that say why.
import { AppError } from "@/lib/errors";
import { catalog, type NotificationType } from "@/lib/notifications/catalog";
import { loadOrgChains } from "@/lib/directory/org-cache";
import { loadRecipientRules, rulesForType } from "./cache";
import { describeChoice, fieldLabels } from "./describe";
import { assignRecipients, effectiveRule, eventOrgs, expandRule, indexDirectoryUsers, wantedKeys } from "./resolve";
import type { PreviewRecipient } from "./schemas";
import { loadDirectoryUsers } from "./users";

interface Preview {
  organization: { id: string; name: string };
  recipients: PreviewRecipient[];
  /** Who is only known when an event happens, and who is named but gets nothing. */
  notes: string[];
}

export async function previewRecipientRule(params: {
  organizationId: string;
  type: NotificationType;
  forOrganizationId: string;
}): Promise<Preview> {
  const chain = (await loadOrgChains([params.forOrganizationId])).get(params.forOrganizationId);
  if (!chain?.some((org) => org.id === params.organizationId)) {
    const detail = { path: "for", message: "must be this organization or one beneath it" };
    throw new AppError("validation_failed", `Invalid request: for ${detail.message}`, [detail]);
  }
  const rules = await loadRecipientRules(chain.map((org) => org.id));
  const effective = effectiveRule(catalog[params.type], chain, rulesForType(chain, rules, params.type));
  const orgs = eventOrgs(chain)!;
  const wants = expandRule(effective, { orgs });
  const assignment = assignRecipients(wants, indexDirectoryUsers(await loadDirectoryUsers(wantedKeys(wants))));
  const names = new Map(assignment.users.map(({ user }) => [user.id, user.name]));
  const notes: string[] = [];
  for (const field of ["to", "cc", "bcc"] as const) {
    for (const entry of effective.rule[field]) {
      if ("token" in entry && entry.token === "actor")
        notes.push(`${fieldLabels[field]}: the user involved in the event is added when it happens.`);
      if ("token" in entry && entry.token === "vendor.primary")
        notes.push(`${fieldLabels[field]}: the vendor's primary contact is added when the event names a vendor.`);
    }
  }
  for (const skipped of assignment.skipped)
    notes.push(
      skipped.skipped === "inactive"
        ? `${skipped.user?.name ?? skipped.userId} is deactivated and gets nothing.`
        : `${skipped.userId} is not a user of the directory (any more) and gets nothing.`,
    );
  return {
    organization: { id: chain[0]!.id, name: chain[0]!.name },
    recipients: [
      ...assignment.users.map(({ user, field, choices }) => ({
        userId: user.id,
        email: user.email,
        name: user.name,
        field,
        via: describeChoice(choices[0]!, names),
      })),
      ...assignment.addresses.map(({ email, field, choices }) => ({
        email,
        field,
        via: `${describeChoice(choices[0]!, names)} (outside address: email only)`,
      })),
    ],
    notes,
  };
}
