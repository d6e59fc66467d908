import type { Metadata } from "next";
import Link from "next/link";
import { BellOff, BellRing, ShieldAlert } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { env } from "@/lib/env";
import { ExpiredUnsubscribeLinkError, unsubscribeState, type UnsubscribeState } from "@/lib/email/unsubscribe";
import { resubscribeAction, unsubscribeAction } from "./actions";

export const metadata: Metadata = { title: "Email preferences", robots: { index: false } };
export const dynamic = "force-dynamic";

async function load(token: string): Promise<UnsubscribeState | "expired" | null> {
  try {
    return await unsubscribeState(token);
  } catch (error) {
    return error instanceof ExpiredUnsubscribeLinkError ? "expired" : null;
  }
}

// /unsubscribe/confirm?token=… — where the email's unsubscribe link lands (no sign-in needed).
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; done?: string }>;
}) {
  const { token = "", done } = await searchParams;
  const state = await load(token);
  const settings = (
    <Link href="/settings/notifications" className="text-sm text-brand-700 underline dark:text-brand-400">
      Manage all notification settings
    </Link>
  );
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        {state === "expired" ? (
          <Panel icon={<ShieldAlert className="size-6 text-amber-600" aria-hidden />} title="This link has expired">
            <p>
              Unsubscribe links work for {env().UNSUBSCRIBE_LINK_DAYS} days. Use the link in a more recent email, or
              sign in to choose which emails you get.
            </p>
            <Link href="/settings/notifications" className={buttonClass("primary")}>
              Sign in to manage your notification settings
            </Link>
          </Panel>
        ) : !state ? (
          <Panel icon={<ShieldAlert className="size-6 text-amber-600" aria-hidden />} title="This link is not valid">
            <p>
              It may have been copied incompletely. You can change which emails you get in your notification settings.
            </p>
            {settings}
          </Panel>
        ) : state.blocked ? (
          <Panel
            icon={<ShieldAlert className="size-6 text-amber-600" aria-hidden />}
            title={`“${state.label}” emails stay on`}
          >
            <p>{state.blocked}</p>
            {settings}
          </Panel>
        ) : state.subscribed ? (
          <Panel
            icon={<BellRing className="size-6 text-brand-600" aria-hidden />}
            title={`Stop “${state.label}” emails?`}
          >
            <p>
              {done === "resubscribed" ? "You are subscribed again. " : ""}
              {state.address} gets an email for each “{state.label}” notification.
              {"userId" in state.subject
                ? " In-app notifications are not affected."
                : " Unsubscribing stops every email from the notification center to this address, except critical ones."}
            </p>
            <form action={unsubscribeAction}>
              <input type="hidden" name="token" value={token} />
              <button type="submit" className={buttonClass("primary")}>
                Unsubscribe
              </button>
            </form>
            {settings}
          </Panel>
        ) : (
          <Panel icon={<BellOff className="size-6 text-muted" aria-hidden />} title="You are unsubscribed">
            <p>
              {"userId" in state.subject
                ? `${state.address} no longer gets “${state.label}” emails. You still see these notifications in the app.`
                : `${state.address} no longer gets emails from the notification center, except critical ones about problems that need action.`}
            </p>
            <form action={resubscribeAction}>
              <input type="hidden" name="token" value={token} />
              <button type="submit" className={buttonClass("secondary")}>
                Undo
              </button>
            </form>
            {settings}
          </Panel>
        )}
      </div>
    </main>
  );
}

function Panel({ icon, title, children }: { icon: React.ReactNode; title: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-4 text-sm text-zinc-700 dark:text-zinc-300">
      <div className="flex items-center gap-3">
        {icon}
        <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">{title}</h1>
      </div>
      {children}
    </div>
  );
}
