import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { requireUser } from "@/lib/auth/session";
import { listOrganizationHistory } from "@/lib/preferences/history";
import { getOrganizationSettings } from "@/lib/preferences/org-settings";
import { getOrganizationCadences } from "@/lib/preferences/cadence";
import { requireManagedOrganization } from "@/lib/preferences/org-page";
import { listManageableOrganizations, loadSubtree } from "@/lib/preferences/org-tree";
import { typesFor } from "@/lib/notifications/reach";
import { listRecipientRules } from "@/lib/recipient-rules/store";
import { userNames } from "@/lib/recipient-rules/people";
import { OrgPicker } from "@/components/preferences/org-picker";
import { OrgTabs } from "@/components/preferences/org-tabs";
import { OrgSettingsView } from "@/components/preferences/org-settings-view";

export const metadata: Metadata = { title: "Organization notification settings" };

export default async function OrganizationNotificationsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const chain = await requireManagedOrganization(user, id);
  const [settings, cadence, history, organizations, rules, beneath] = await Promise.all([
    getOrganizationSettings({ organizationId: id, actorOrganizationId: user.organization.id }),
    getOrganizationCadences({ organizationId: id, actorOrganizationId: user.organization.id }),
    listOrganizationHistory({ organizationId: id, limit: 20 }),
    listManageableOrganizations(user),
    listRecipientRules({ organizationId: id, actorOrganizationId: user.organization.id }),
    loadSubtree(id),
  ]);
  const types = typesFor(chain[0]!.kind);
  const named = rules.items.flatMap((item) =>
    [...item.rule.to, ...item.rule.cc, ...item.rule.bcc].flatMap((entry) => ("userId" in entry ? [entry.userId] : [])),
  );
  const above = chain
    .slice(1)
    .map((link) => link.name)
    .join(" → ");
  return (
    <section aria-labelledby="org-settings-heading">
      <Link
        href="/admin/organizations"
        className="inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
      >
        <ArrowLeft aria-hidden className="size-4" /> Organizations
      </Link>
      <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <h1 id="org-settings-heading" className="text-2xl font-semibold">
            {settings.organization.name}
          </h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Notification defaults for this organization and everyone beneath it
            {above ? ` (inherits from ${above})` : ""}. Lock a setting so that organizations and users below cannot
            change it.
          </p>
        </div>
        {organizations.length > 1 && <OrgPicker current={id} organizations={organizations} />}
      </div>
      <OrgTabs organizationId={id} current="notifications" />
      <div className="mt-6">
        <OrgSettingsView
          key={id}
          organizationId={id}
          organizationName={settings.organization.name}
          initialItems={settings.items}
          initialCadence={cadence.items}
          initialHistory={history}
          types={types}
          recipients={{
            organizationId: id,
            organizationName: settings.organization.name,
            initialItems: rules.items,
            initialNames: await userNames([...new Set(named)]),
            organizations: beneath.map(({ id, name, depth }) => ({ id, name, depth })),
          }}
        />
      </div>
    </section>
  );
}
