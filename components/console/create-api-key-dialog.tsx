"use client";

import { Dialog } from "radix-ui";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Check, Copy, KeyRound, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { contentClass, descriptionClass, overlayClass, titleClass } from "@/components/console/dialog-styles";
import { hintClass, inputClass, labelClass } from "@/components/console/form-styles";
import { requestJson, type RequestError } from "@/components/console/request-json";
import { apiKeyScopeLabels, apiKeyScopes } from "@/lib/api-key-scopes";

interface CreatedKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  key: string;
}

export function CreateApiKeyDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<RequestError | null>(null);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [copied, setCopied] = useState(false);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      // The key is gone for good once the dialog closes; the list now shows its prefix.
      if (created) router.refresh();
      setCreated(null);
      setError(null);
      setCopied(false);
    }
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name") ?? "");
    const scopes = form.getAll("scopes").map(String);
    const result = await requestJson<CreatedKey>("/api/admin/api-keys", { method: "POST", body: { name, scopes } });
    setPending(false);
    if (result.ok) setCreated(result.data);
    else setError(result.error);
  }

  async function copy() {
    if (!created) return;
    await navigator.clipboard.writeText(created.key).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <Button>
          <KeyRound aria-hidden className="size-4" /> Create API key
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content className={contentClass}>
          {created ? (
            <>
              <Dialog.Title className={titleClass}>API key created</Dialog.Title>
              <Dialog.Description className={descriptionClass}>
                Copy the key for “{created.name}” now and store it in the platform’s secrets. It may:{" "}
                {created.scopes.join(", ")}.
              </Dialog.Description>
              <p className="mt-4 flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
                <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
                This is the only time the key is shown. Only its hash is stored.
              </p>
              <label htmlFor="new-api-key" className={`${labelClass} mt-4`}>
                API key
              </label>
              <div className="mt-1 flex gap-2">
                <input
                  id="new-api-key"
                  readOnly
                  value={created.key}
                  onFocus={(event) => event.currentTarget.select()}
                  className={`${inputClass} mt-0 font-mono`}
                />
                <Button variant="secondary" onClick={copy} aria-label={copied ? "Copied" : "Copy API key"}>
                  {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
                  <span aria-hidden>{copied ? "Copied" : "Copy"}</span>
                </Button>
              </div>
              <p role="status" className="sr-only">
                {copied ? "API key copied to the clipboard" : ""}
              </p>
              <div className="mt-5 flex justify-end">
                <Dialog.Close asChild>
                  <Button>Done</Button>
                </Dialog.Close>
              </div>
            </>
          ) : (
            <form onSubmit={onSubmit}>
              <Dialog.Title className={titleClass}>Create an API key</Dialog.Title>
              <Dialog.Description className={descriptionClass}>
                The platform sends it as <code>Authorization: Bearer …</code> on every call.
              </Dialog.Description>
              <label htmlFor="api-key-name" className={`${labelClass} mt-4`}>
                Name
              </label>
              <input
                id="api-key-name"
                name="name"
                required
                maxLength={100}
                placeholder="e.g. production platform"
                className={inputClass}
                aria-describedby="api-key-name-hint"
                aria-invalid={error ? true : undefined}
              />
              <p id="api-key-name-hint" className={hintClass}>
                Shown in the activity log next to every event sent with this key.
              </p>
              <fieldset className="mt-4" aria-describedby="api-key-scopes-hint">
                <legend className={labelClass}>Scopes</legend>
                <p id="api-key-scopes-hint" className={hintClass}>
                  Give the key only what its caller needs; a call outside its scopes is refused (403).
                </p>
                <div className="mt-2 space-y-2">
                  {apiKeyScopes.map((scope) => (
                    <label key={scope} className="flex items-start gap-2 text-sm">
                      <input type="checkbox" name="scopes" value={scope} className="mt-0.5 size-4 shrink-0" />
                      <span>
                        <span className="font-mono text-xs">{scope}</span>
                        <span className="block text-xs text-muted">{apiKeyScopeLabels[scope]}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
              {error && (
                <p
                  role="alert"
                  className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300"
                >
                  {error.details?.[0]?.message ?? error.message}
                </p>
              )}
              <div className="mt-5 flex justify-end gap-2">
                <Dialog.Close asChild>
                  <Button variant="secondary">Cancel</Button>
                </Dialog.Close>
                <Button type="submit" disabled={pending}>
                  {pending ? "Creating…" : "Create key"}
                </Button>
              </div>
            </form>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
