"use client";

import { CheckCheck } from "lucide-react";
import { Tabs } from "radix-ui";
import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { categories, categoryKeys, type Category } from "@/lib/notifications/catalog";
import { Button } from "@/components/ui/button";
import type { InboxPage, InboxStatus } from "@/components/notifications/api";
import { ListEmpty, ListError, ListLoading } from "@/components/notifications/list-states";
import { NotificationList } from "@/components/notifications/notification-list";
import { useNotificationList } from "@/components/notifications/use-notification-list";
import { useRealtime } from "@/components/notifications/use-realtime";

const tabs: { value: InboxStatus; label: string }[] = [
  { value: "all", label: "All" },
  { value: "unread", label: "Unread" },
  { value: "archived", label: "Archived" },
  { value: "snoozed", label: "Snoozed" },
];

const empty: Record<InboxStatus, { title: string; hint: string }> = {
  all: {
    title: "No notifications yet",
    hint: "When something happens with your orders, subscriptions, quotes or payments, it shows up here.",
  },
  unread: { title: "You're all caught up", hint: "Nothing unread. Switch to All to see earlier notifications." },
  archived: { title: "Nothing archived", hint: "Archive a notification to move it out of your inbox; it stays here." },
  snoozed: {
    title: "Nothing snoozed",
    hint: "Snooze a notification to take it out of your inbox until a time you choose; it waits here until then.",
  },
};

/** The inbox: tabs and category filter live in the URL (?tab=&category=), the list below them. */
export function InboxView({
  tab,
  category,
  initialPage,
}: {
  tab: InboxStatus;
  category: Category | null;
  initialPage: InboxPage | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  const navigate = (next: { tab?: InboxStatus; category?: Category | null }) => {
    const query = new URLSearchParams();
    const nextTab = next.tab ?? tab;
    const nextCategory = next.category === undefined ? category : next.category;
    if (nextTab !== "all") query.set("tab", nextTab);
    if (nextCategory) query.set("category", nextCategory);
    const search = query.toString();
    startTransition(() => router.push(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  };

  return (
    <Tabs.Root value={tab} onValueChange={(value) => navigate({ tab: value as InboxStatus })} activationMode="manual">
      <div className="flex flex-wrap items-center gap-3">
        <Tabs.List aria-label="Show" className="inline-flex rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800/70">
          {tabs.map((t) => (
            <Tabs.Trigger
              key={t.value}
              value={t.value}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-600 hover:text-zinc-900 data-[state=active]:bg-white data-[state=active]:text-zinc-900 data-[state=active]:shadow-sm dark:text-zinc-400 dark:hover:text-zinc-100 dark:data-[state=active]:bg-zinc-900 dark:data-[state=active]:text-zinc-50"
            >
              {t.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <label className="flex items-center gap-2 text-sm">
          <span className="text-zinc-600 dark:text-zinc-400">Category</span>
          <select
            value={category ?? ""}
            onChange={(event) => navigate({ category: (event.target.value || null) as Category | null })}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value="">All categories</option>
            {categoryKeys.map((key) => (
              <option key={key} value={key}>
                {categories[key].label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Tabs.Content value={tab} className="mt-4" aria-busy={pending || undefined}>
        {/* Keyed by view: a new tab or category starts from the server's first page. */}
        <InboxList key={`${tab}:${category ?? ""}`} tab={tab} category={category} initialPage={initialPage} />
      </Tabs.Content>
    </Tabs.Root>
  );
}

function InboxList({
  tab,
  category,
  initialPage,
}: {
  tab: InboxStatus;
  category: Category | null;
  initialPage: InboxPage | null;
}) {
  const list = useNotificationList({ status: tab, category }, { initial: initialPage ?? undefined, limit: 20 });
  const { unreadCount } = useRealtime();
  const markAll = (
    <div className="mb-2 flex items-center justify-end">
      <Button variant="secondary" disabled={unreadCount === 0} onClick={() => void list.markAllRead(category)}>
        <CheckCheck aria-hidden className="size-4" />
        {category ? `Mark all in ${categories[category].label} as read` : "Mark all as read"}
      </Button>
    </div>
  );
  return (
    <>
      {(tab === "all" || tab === "unread") && markAll}
      <ListBody tab={tab} category={category} list={list} />
    </>
  );
}

function ListBody({
  tab,
  category,
  list,
}: {
  tab: InboxStatus;
  category: Category | null;
  list: ReturnType<typeof useNotificationList>;
}) {
  if (list.status === "loading" && list.items.length === 0) return <ListLoading />;
  if (list.status === "error") return <ListError message={list.error} onRetry={() => void list.reload()} />;
  if (list.items.length === 0) {
    const text = category
      ? { ...empty[tab], title: `${empty[tab].title} in ${categories[category].label}` }
      : empty[tab];
    return <ListEmpty {...text} />;
  }
  const label = `${tabs.find((t) => t.value === tab)?.label} notifications${category ? ` in ${categories[category].label}` : ""}`;
  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-1 dark:border-zinc-800 dark:bg-zinc-900">
      <NotificationList
        items={list.items}
        actions={list}
        label={label}
        more={list.nextCursor ? { load: list.loadMore, loading: list.loadingMore } : undefined}
      />
    </div>
  );
}
