import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { getCurrentUser } from "@/lib/auth/session";
import { getCapturedEmail, mailboxAvailable } from "@/lib/email/mailbox";

export const metadata: Metadata = { title: "Captured email", robots: { index: false } };
export const dynamic = "force-dynamic";

// /dev/mailbox/{id} — one captured email: headers, the rendered HTML (sandboxed) and the text part.
export default async function CapturedEmailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!mailboxAvailable(await getCurrentUser())) notFound();
  const { id } = await params;
  const email = await getCapturedEmail(id);
  if (!email) notFound();
  const headers = Object.entries((email.headers ?? {}) as Record<string, string>);
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <Link
        href="/dev/mailbox"
        className="mb-4 inline-flex items-center gap-1 text-sm text-zinc-600 hover:underline dark:text-zinc-400"
      >
        <ArrowLeft className="size-4" aria-hidden /> Mailbox
      </Link>
      <h1 className="text-xl font-semibold">{email.subject}</h1>
      <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">From</dt>
        <dd>{email.from}</dd>
        <dt className="text-muted">To</dt>
        <dd>{email.to}</dd>
        <dt className="text-muted">Captured</dt>
        <dd>{email.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</dd>
        {headers.map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="truncate text-muted">{name}</dt>
            <dd className="break-all font-mono text-xs">{value}</dd>
          </div>
        ))}
      </dl>
      <section className="mt-6" aria-labelledby="html-part">
        <h2 id="html-part" className="mb-2 text-sm font-semibold text-zinc-600 dark:text-zinc-400">
          HTML
        </h2>
        {/* Empty sandbox: the email's markup cannot run scripts or reach this page. */}
        <iframe
          title="HTML part"
          sandbox=""
          srcDoc={email.html}
          className="h-[640px] w-full rounded-lg border border-zinc-200 bg-white dark:border-zinc-800"
        />
      </section>
      <section className="mt-6" aria-labelledby="text-part">
        <h2 id="text-part" className="mb-2 text-sm font-semibold text-zinc-600 dark:text-zinc-400">
          Plain text
        </h2>
        {/* Long lines scroll on phones: focusable so that keyboard users can scroll it too. */}
        <pre
          tabIndex={0}
          role="region"
          aria-label="Plain text part"
          className="overflow-x-auto whitespace-pre-wrap rounded-lg border border-zinc-200 bg-zinc-50 p-4 text-xs dark:border-zinc-800 dark:bg-zinc-900"
        >
          {email.text}
        </pre>
      </section>
    </main>
  );
}
