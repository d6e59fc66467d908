"use client";

import { useState } from "react";
import { AlertDialog } from "radix-ui";
import { RotateCcw } from "lucide-react";
import { Button, buttonClass } from "@/components/ui/button";

/** "Reset to organization defaults", with a confirmation naming how many choices go. */
export function ResetDialog({ count, onConfirm }: { count: number; onConfirm: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <AlertDialog.Trigger asChild>
        <Button variant="secondary" disabled={count === 0} className="shrink-0">
          <RotateCcw aria-hidden className="size-4" /> Reset to organization defaults
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg border border-zinc-200 bg-white p-6 shadow-xl dark:border-zinc-800 dark:bg-zinc-900">
          <AlertDialog.Title className="text-lg font-semibold">Reset to organization defaults?</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Your {count} {count === 1 ? "choice" : "choices"} will be removed and every notification will follow your
            organization&apos;s settings again.
          </AlertDialog.Description>
          <div className="mt-6 flex justify-end gap-2">
            <AlertDialog.Cancel className={buttonClass("secondary")}>Cancel</AlertDialog.Cancel>
            <Button
              variant="danger"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                await onConfirm();
                setBusy(false);
                setOpen(false);
              }}
            >
              Reset
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
