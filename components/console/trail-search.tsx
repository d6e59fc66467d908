import Link from "next/link";
import { Search, UserX } from "lucide-react";
import type { EventDetail, TrailLookup } from "@/lib/console/event-detail";
import { summarizeRule } from "@/lib/recipient-rules/describe";
import { Button } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/console/form-styles";

export function TrailSearchForm({ eventId, email }: { eventId: string; email: string }) {
  return (
    <form role="search" action={`/admin/events/${eventId}`} className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1">
        <label htmlFor="trail-email" className={labelClass}>
          Why did this user (not) get this? Search by email
        </label>
        <input
          id="trail-email"
          name="email"
          type="email"
          defaultValue={email}
          placeholder="e.g. wendy@woodgrove.example"
          className={inputClass}
        />
      </div>
      <Button type="submit" variant="secondary">
        <Search aria-hidden className="size-4" /> Find in trail
      </Button>
      {email && (
        <Link
          href={`/admin/events/${eventId}`}
          className="px-2 py-2 text-sm text-brand-600 hover:underline dark:text-brand-400"
        >
          Show everyone
        </Link>
      )}
    </form>
  );
}

/** The plain answer when an address is not in the trail: no audience token chose them. */
export function NotInTrail({
  lookup,
  detail,
}: {
  lookup: Extract<TrailLookup, { found: false }>;
  detail: EventDetail;
}) {
  const tokens = detail.audience
    ? [...detail.audience.to.map((t) => `${t} (to)`), ...detail.audience.cc.map((t) => `${t} (cc)`)]
    : [];
  const applied = detail.appliedRule;
  if (applied) return <NoRuleNamesThem lookup={lookup} detail={detail} applied={applied} />;
  return (
    <div
      role="status"
      className="flex items-start gap-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      <UserX aria-hidden className="mt-0.5 size-5 shrink-0" />
      <div className="space-y-1">
        <p className="font-medium">
          {lookup.email} is not in this event&apos;s trail: they got nothing from it, in-app or by email.
        </p>
        {lookup.user ? (
          <p>
            {lookup.user.name} ({lookup.user.organizationName}
            {lookup.user.active ? "" : ", deactivated"}) was not chosen by any audience token of {detail.type}
            {tokens.length > 0 ? <> — {tokens.join(", ")} —</> : null} and the envelope did not name them in{" "}
            <code>recipients.userIds</code>. Nothing is decided for someone who is not a recipient, so no preference was
            involved.
          </p>
        ) : (
          <p>
            No user has this email address, and it was not in the envelope&apos;s <code>recipients.emails</code>. It was
            not chosen by any audience token of {detail.type}
            {tokens.length > 0 ? ` (${tokens.join(", ")})` : ""}.
          </p>
        )}
      </div>
    </div>
  );
}

/** "No rule names them": the rule that routed the event, in words, and that it did not name this person. */
function NoRuleNamesThem({
  lookup,
  detail,
  applied,
}: {
  lookup: Extract<TrailLookup, { found: false }>;
  detail: EventDetail;
  applied: NonNullable<EventDetail["appliedRule"]>;
}) {
  const whose =
    applied.source === "catalog"
      ? "the catalog's default rule"
      : `${applied.organizationName ?? applied.organizationId}'s recipient rule`;
  return (
    <div
      role="status"
      className="flex items-start gap-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      <UserX aria-hidden className="mt-0.5 size-5 shrink-0" />
      <div className="space-y-1">
        <p className="font-medium">
          {lookup.email} is not in this event&apos;s trail: they got nothing from it, in-app or by email.
        </p>
        <p>
          No rule names them. {detail.type} was routed by {whose} ({summarizeRule(applied.rule)})
          {lookup.user ? (
            <>
              , which does not reach {lookup.user.name} ({lookup.user.organizationName}
              {lookup.user.active ? "" : ", deactivated"})
            </>
          ) : (
            <>; no user has this address</>
          )}
          , and the envelope did not name them in <code>recipients.userIds</code> or <code>recipients.emails</code>.
          Nothing is decided for someone who is not a recipient, so no preference was involved.
        </p>
      </div>
    </div>
  );
}
