"use client";

import { CloudOff } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

// What any page shows when it cannot be rendered: most often the database is briefly unreachable
// (a restart, a failover). The server's details stay on the server; the page offers to try again.
export default function Error({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  return (
    <main id="main" className="flex min-h-dvh items-center justify-center px-4">
      <div role="alert" className="w-full max-w-md text-center">
        <CloudOff aria-hidden className="mx-auto size-10 text-zinc-400" />
        <h1 className="mt-4 text-xl font-semibold">This page is temporarily unavailable</h1>
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          We could not load it just now. This is usually over in a few seconds, and nothing you did is lost.
        </p>
        <Button
          className="mt-6"
          disabled={retrying}
          onClick={() =>
            // Server components are fetched again (refresh), then the boundary renders them anew.
            startRetry(() => {
              router.refresh();
              reset();
            })
          }
        >
          {retrying ? "Trying again…" : "Try again"}
        </Button>
      </div>
    </main>
  );
}
