import type { Metadata } from "next";

export const metadata: Metadata = { title: "Inbox" };

export default function InboxPage() {
  return (
    <section aria-labelledby="inbox-heading">
      <h1 id="inbox-heading" className="text-2xl font-semibold">Inbox</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Your notifications will appear here.</p>
    </section>
  );
}
