"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

interface Confirm {
  currentName: string;
  currentEmail: string;
  targetName: string;
  targetEmail: string;
}

export function SignInWithLink({ token, confirm }: { token: string; confirm?: Confirm }) {
  const router = useRouter();
  const started = useRef(false);
  const [confirmed, setConfirmed] = useState(!confirm);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!confirmed || started.current) return;
    started.current = true;
    void signIn("sign-in-link", { token, redirect: false }).then((result) => {
      if (result?.ok && !result.error) {
        router.replace("/inbox");
        router.refresh();
      } else {
        setError(result?.error ?? "This sign-in link is invalid, expired or already used.");
      }
    });
  }, [confirmed, token, router]);

  if (confirm && !confirmed)
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold">Switch accounts?</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          You are signed in as <strong>{confirm.currentName}</strong> ({confirm.currentEmail}). This link signs you in
          as <strong>{confirm.targetName}</strong> ({confirm.targetEmail}) instead.
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Continue only if you asked for this link yourself.</p>
        <div className="flex flex-col gap-2 sm:flex-row-reverse">
          <Button onClick={() => setConfirmed(true)}>Continue as {confirm.targetName}</Button>
          <Button variant="secondary" onClick={() => router.replace("/inbox")}>
            Stay signed in as {confirm.currentName}
          </Button>
        </div>
      </div>
    );

  if (!error)
    return (
      <p role="status" className="text-sm">
        Signing you in…
      </p>
    );
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">This link did not work</h1>
      <p role="alert" className="text-sm text-zinc-700 dark:text-zinc-300">
        {error}
      </p>
      <Link href="/sign-in" className="text-sm font-medium text-brand-600 hover:underline dark:text-brand-400">
        Sign in with your password instead
      </Link>
    </div>
  );
}
