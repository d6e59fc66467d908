import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Inbox } from "lucide-react";
import { getCurrentUser } from "@/lib/auth/session";
import { listCapturedEmails, mailboxAvailable } from "@/lib/email/mailbox";

export const metadata: Metadata = { title: "Development mailbox", robots: { index: false } };
export const dynamic = "force-dynamic";

// /dev/mailbox — emails captured instead of sent (no RESEND_API_KEY), newest first.
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  if (!mailboxAvailable(await getCurrentUser())) notFound();
  const { to } = await searchParams;
  const emails = await listCapturedEmails({ to: to?.trim() || undefined });
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="flex items-center gap-2 text-xl font-semibold">
            <Inbox className="size-5" aria-hidden /> Development mailbox
          </h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Email is not sent from here (no RESEND_API_KEY, or EMAIL_DISABLED): every email is captured instead.
          </p>
        </div>
        <form className="flex gap-2" role="search">
          <input
            name="to"
            defaultValue={to}
            placeholder="Filter by recipient"
            aria-label="Filter by recipient"
            className="rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </form>
      </div>
      {emails.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-sm text-muted dark:border-zinc-700">
          No emails captured yet.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-200 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {emails.map((email) => (
            <li key={email.id}>
              <Link
                href={`/dev/mailbox/${email.id}`}
                className="grid gap-1 px-4 py-3 hover:bg-zinc-50 sm:grid-cols-[14rem_1fr_auto] sm:gap-4 dark:hover:bg-zinc-800"
              >
                <span className="truncate text-sm text-zinc-600 dark:text-zinc-400">{email.to}</span>
                <span className="truncate text-sm font-medium">{email.subject}</span>
                <time dateTime={email.createdAt.toISOString()} className="text-xs text-muted tabular-nums">
                  {email.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
