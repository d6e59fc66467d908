"use client";

import { AlertDialog } from "radix-ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { contentClass, descriptionClass, overlayClass, titleClass } from "@/components/console/dialog-styles";
import { requestJson } from "@/components/console/request-json";

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke(event: React.MouseEvent) {
    // Keep the dialog open until the server answers, so a failure can be shown in it.
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await requestJson(`/api/admin/api-keys/${encodeURIComponent(id)}`, { method: "DELETE" });
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    setOpen(false);
    router.refresh();
  }

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
      }}
    >
      <AlertDialog.Trigger asChild>
        <button
          type="button"
          aria-label={`Revoke API key ${name}`}
          className="rounded-md px-2 py-1 text-sm font-medium text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
        >
          Revoke
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={overlayClass} />
        <AlertDialog.Content className={contentClass}>
          <AlertDialog.Title className={titleClass}>Revoke “{name}”?</AlertDialog.Title>
          <AlertDialog.Description className={descriptionClass}>
            Calls with this key are refused with 401 within seconds. This cannot be undone: to restore access, create a
            new key.
          </AlertDialog.Description>
          {error && (
            <p
              role="alert"
              className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
            >
              {error}
            </p>
          )}
          <div className="mt-5 flex justify-end gap-2">
            <AlertDialog.Cancel className={buttonClass("secondary")}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClass("danger")} onClick={revoke} disabled={pending}>
              {pending ? "Revoking…" : "Revoke key"}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
