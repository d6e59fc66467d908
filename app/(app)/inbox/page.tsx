import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { categoryKeys, type Category } from "@/lib/notifications/catalog";
import { inboxStatuses, listNotifications, type InboxStatus } from "@/lib/notifications/inbox";
import { InboxView } from "@/components/notifications/inbox-view";

export const metadata: Metadata = { title: "Inbox" };

// The first page is read on the server and handed to the live list; unknown ?tab= or
// ?category= values fall back to the defaults rather than failing the page.
export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<{ tab?: string | string[]; category?: string | string[] }>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const tab: InboxStatus = inboxStatuses.find((s) => s === params.tab) ?? "all";
  const category: Category | null = categoryKeys.find((c) => c === params.category) ?? null;
  const initialPage = await listNotifications({
    userId: user.id,
    status: tab,
    category: category ?? undefined,
    limit: 20,
  });
  return (
    <section aria-labelledby="inbox-heading">
      <h1 id="inbox-heading" className="mb-4 text-2xl font-semibold">
        Inbox
      </h1>
      <InboxView tab={tab} category={category} initialPage={initialPage} />
    </section>
  );
}
