import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, Users } from "lucide-react";
import { requirePlatformAdmin } from "@/lib/auth/platform-admin";
import { findInTrail, getEventDetail } from "@/lib/console/event-detail";
import { ConsolePage } from "@/components/console/console-page";
import { EmptyState } from "@/components/console/empty-state";
import { EnvelopeView, EventSummary } from "@/components/console/event-summary";
import { TrailEntryCard } from "@/components/console/trail-entry";
import { NotInTrail, TrailSearchForm } from "@/components/console/trail-search";
import { WebhookTrail } from "@/components/console/webhook-trail";
import { getWebhookTrail } from "@/lib/webhooks/event-trail";

export const metadata: Metadata = { title: "Event · Console" };

export default async function EventDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePlatformAdmin();
  const { id } = await params;
  const detail = await getEventDetail(id);
  if (!detail) notFound();
  const raw = (await searchParams).email;
  const email = (typeof raw === "string" ? raw : "").trim().slice(0, 320);
  const lookup = email ? await findInTrail(detail, email) : null;
  const entries = lookup ? (lookup.found ? lookup.entries : []) : detail.trail;
  const webhooks = await getWebhookTrail(detail);

  return (
    <ConsolePage
      current="activity"
      title={detail.typeLabel}
      description={
        <Link href="/admin/activity" className="inline-flex items-center gap-1 hover:underline">
          <ArrowLeft aria-hidden className="size-4" /> Back to activity
        </Link>
      }
    >
      <EventSummary detail={detail} />
      <EnvelopeView detail={detail} />
      <section id="trail" aria-labelledby="trail-heading" className="space-y-3">
        <h2 id="trail-heading" className="text-lg font-semibold">
          Delivery trail
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          One entry per recipient: how they were chosen, then what was decided for in-app and email, and every email
          attempt.
        </p>
        <TrailSearchForm eventId={detail.id} email={email} />
        {lookup && !lookup.found ? (
          <NotInTrail lookup={lookup} detail={detail} />
        ) : entries.length === 0 ? (
          <EmptyState icon={Users} title="No recipients">
            No audience token of this type resolved to anyone, and the envelope named no recipients.
          </EmptyState>
        ) : (
          <ul className="space-y-3" aria-label={lookup ? `Trail for ${email}` : "Recipients"}>
            {entries.map((entry, index) => (
              <li key={`${entry.userId ?? entry.address}-${index}`}>
                <TrailEntryCard entry={entry} />
              </li>
            ))}
          </ul>
        )}
        {detail.otherDeliveries.length > 0 && (
          <p className="text-xs text-muted">
            {detail.otherDeliveries.length} email deliveries of this event are not linked from the trail:{" "}
            {detail.otherDeliveries.map((d) => `${d.toAddress} (${d.status})`).join(", ")}.
          </p>
        )}
      </section>
      <WebhookTrail deliveries={webhooks.deliveries} skipped={webhooks.skipped} />
    </ConsolePage>
  );
}
