"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

export function SignInWithLink({ token }: { token: string }) {
  const router = useRouter();
  const started = useRef(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void signIn("sign-in-link", { token, redirect: false }).then((result) => {
      if (result?.ok && !result.error) {
        router.replace("/inbox");
        router.refresh();
      } else {
        setError(result?.error ?? "This sign-in link is invalid, expired or already used.");
      }
    });
  }, [token, router]);

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
