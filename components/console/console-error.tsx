"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";

/** What a console page shows when loading its data failed: say so, and offer to try again. */
export function ConsoleError({ what, reset }: { what: string; reset: () => void }) {
  return (
    <div
      role="alert"
      className="mx-auto max-w-md rounded-lg border border-red-200 bg-red-50 p-6 text-center dark:border-red-900 dark:bg-red-950"
    >
      <TriangleAlert aria-hidden className="mx-auto size-8 text-red-600 dark:text-red-400" />
      <h1 className="mt-3 text-lg font-semibold">{what} could not be loaded</h1>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        Something went wrong on our side. Try again in a moment.
      </p>
      <Button variant="secondary" className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
