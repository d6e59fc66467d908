"use client";

import { BellOff, RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";

export function ListLoading() {
  return (
    <div role="status" className="space-y-3 p-3" aria-label="Loading notifications">
      {[0, 1, 2].map((n) => (
        <div key={n} className="flex animate-pulse gap-3">
          <div className="size-8 rounded-full bg-zinc-200 dark:bg-zinc-800" />
          <div className="flex-1 space-y-2">
            <div className="h-3 w-2/3 rounded bg-zinc-200 dark:bg-zinc-800" />
            <div className="h-3 w-full rounded bg-zinc-100 dark:bg-zinc-800/60" />
          </div>
        </div>
      ))}
    </div>
  );
}

export function ListError({ message, onRetry }: { message: string | null; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-col items-center gap-3 px-4 py-10 text-center">
      <p className="text-sm font-medium">Notifications could not be loaded.</p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{message ?? "Check your connection, then try again."}</p>
      <Button variant="secondary" onClick={onRetry}>
        <RotateCw aria-hidden className="size-4" /> Try again
      </Button>
    </div>
  );
}

export function ListEmpty({ title, hint }: { title: string; hint: string }) {
  return (
    <div className="flex flex-col items-center gap-2 px-4 py-12 text-center" data-testid="empty-state">
      <BellOff aria-hidden className="size-8 text-zinc-400" />
      <p className="text-sm font-medium">{title}</p>
      <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">{hint}</p>
    </div>
  );
}
