import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { requireUser } from "@/lib/auth/session";
import { requireManagedOrganization } from "@/lib/preferences/org-page";
import { listEndpoints } from "@/lib/webhooks/endpoints";
import { OrgTabs } from "@/components/preferences/org-tabs";
import { WebhooksView } from "@/components/webhooks/webhooks-view";

export const metadata: Metadata = { title: "Webhooks" };

// An organization's webhook endpoints: add, test, pause, edit, rotate, delete, and every delivery.
export default async function OrganizationWebhooksPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser();
  const chain = await requireManagedOrganization(user, id);
  const endpoints = await listEndpoints(id);
  return (
    <section aria-labelledby="webhooks-heading">
      <Link
        href="/admin/organizations"
        className="inline-flex items-center gap-1 text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
      >
        <ArrowLeft aria-hidden className="size-4" /> Organizations
      </Link>
      <h1 id="webhooks-heading" className="mt-2 text-2xl font-semibold">
        {chain[0]!.name}
      </h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Webhooks send this organization&apos;s events, and those of every organization beneath it, to your systems:
        signed (Standard Webhooks), retried for a day when your endpoint fails.
      </p>
      <OrgTabs organizationId={id} current="webhooks" />
      <div className="mt-6">
        <WebhooksView organizationId={id} initialEndpoints={endpoints} />
      </div>
    </section>
  );
}
