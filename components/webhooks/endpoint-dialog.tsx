"use client";

import { Dialog } from "radix-ui";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { contentClass, descriptionClass, overlayClass, titleClass } from "@/components/console/dialog-styles";
import { hintClass, inputClass, labelClass } from "@/components/console/form-styles";
import type { RequestError } from "@/components/console/request-json";
import { catalog, categories, categoryKeys, typesInCategory } from "@/lib/notifications/catalog";
import { webhooksClient, type Endpoint } from "./api";
import { SecretReveal } from "./secret-reveal";

const fieldError = (error: RequestError | null, path: string) =>
  error?.details?.find((detail) => detail.path === path || detail.path.startsWith(`${path}[`))?.message;

/** Adds an endpoint (then shows its secret once) or edits one. */
export function EndpointDialog({
  organizationId,
  endpoint,
  open,
  onOpenChange,
  onSaved,
}: {
  organizationId: string;
  /** Absent: a new endpoint. */
  endpoint?: Endpoint;
  open: boolean;
  onOpenChange(open: boolean): void;
  onSaved(endpoint: Endpoint): void;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<RequestError | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [all, setAll] = useState(endpoint ? endpoint.types.includes("*") : true);

  function change(next: boolean) {
    onOpenChange(next);
    if (!next) {
      setSecret(null);
      setError(null);
    }
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      url: String(form.get("url") ?? "").trim(),
      description: String(form.get("description") ?? "").trim(),
      types: all ? ["*"] : form.getAll("types").map(String),
    };
    setPending(true);
    setError(null);
    const result = endpoint
      ? await webhooksClient.update(organizationId, endpoint.id, body)
      : await webhooksClient.create(organizationId, body);
    setPending(false);
    if (!result.ok) return setError(result.error);
    onSaved(result.data);
    const created = result.data as Endpoint & { secret?: string };
    if (created.secret) setSecret(created.secret);
    else change(false);
  }

  const urlError = fieldError(error, "url");
  const typesError = fieldError(error, "types");
  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <Dialog.Portal>
        <Dialog.Overlay className={overlayClass} />
        <Dialog.Content className={`${contentClass} max-h-[calc(100vh-2rem)] overflow-y-auto`}>
          {secret ? (
            <>
              <Dialog.Title className={titleClass}>Endpoint added</Dialog.Title>
              <Dialog.Description className={descriptionClass}>
                Verify each message&apos;s <code>webhook-signature</code> with this secret (Standard Webhooks).
              </Dialog.Description>
              <SecretReveal secret={secret} note="This is the only time the secret is shown. Copy it now." />
              <div className="mt-5 flex justify-end">
                <Dialog.Close asChild>
                  <Button>Done</Button>
                </Dialog.Close>
              </div>
            </>
          ) : (
            <form onSubmit={onSubmit} noValidate>
              <Dialog.Title className={titleClass}>{endpoint ? "Edit endpoint" : "Add an endpoint"}</Dialog.Title>
              <Dialog.Description className={descriptionClass}>
                Events of this organization and every organization beneath it are POSTed to this URL, signed.
              </Dialog.Description>
              <label htmlFor="webhook-url" className={`${labelClass} mt-4`}>
                Endpoint URL
              </label>
              <input
                id="webhook-url"
                name="url"
                type="url"
                required
                maxLength={2048}
                defaultValue={endpoint?.url}
                placeholder="https://psa.example.com/hooks/marketplace"
                className={inputClass}
                aria-invalid={urlError ? true : undefined}
                aria-describedby={urlError ? "webhook-url-error" : "webhook-url-hint"}
              />
              {urlError ? (
                <p id="webhook-url-error" role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
                  The URL {urlError}
                </p>
              ) : (
                <p id="webhook-url-hint" className={hintClass}>
                  HTTPS on the public internet; private and internal addresses are refused.
                </p>
              )}
              <label htmlFor="webhook-description" className={`${labelClass} mt-4`}>
                Description <span className="font-normal text-muted">(optional)</span>
              </label>
              <input
                id="webhook-description"
                name="description"
                maxLength={500}
                defaultValue={endpoint?.description}
                placeholder="e.g. Autotask tickets"
                className={inputClass}
              />
              <fieldset className="mt-4">
                <legend className={labelClass}>Events</legend>
                <div className="mt-2 flex flex-wrap gap-4 text-sm">
                  <label className="flex items-center gap-2">
                    <input type="radio" name="scope" checked={all} onChange={() => setAll(true)} className="size-4" />
                    All events
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="radio" name="scope" checked={!all} onChange={() => setAll(false)} className="size-4" />
                    Selected events
                  </label>
                </div>
                {!all && (
                  <div className="mt-3 max-h-64 space-y-3 overflow-y-auto rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
                    {categoryKeys.map((category) => (
                      <fieldset key={category}>
                        <legend className="text-xs font-medium tracking-wide text-muted uppercase">
                          {categories[category].label}
                        </legend>
                        <div className="mt-1 grid gap-1 sm:grid-cols-2">
                          {typesInCategory(category).map((type) => (
                            <label key={type} className="flex items-start gap-2 text-sm">
                              <input
                                type="checkbox"
                                name="types"
                                value={type}
                                defaultChecked={endpoint?.types.includes(type)}
                                className="mt-0.5 size-4 shrink-0"
                              />
                              <span>
                                {catalog[type].label}
                                <span className="block font-mono text-xs text-muted">{type}</span>
                              </span>
                            </label>
                          ))}
                        </div>
                      </fieldset>
                    ))}
                  </div>
                )}
                {typesError && (
                  <p className="mt-1 text-xs text-red-700 dark:text-red-400" role="alert">
                    {typesError}
                  </p>
                )}
              </fieldset>
              {error && !urlError && !typesError && (
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
                  {pending ? "Saving…" : endpoint ? "Save" : "Add endpoint"}
                </Button>
              </div>
            </form>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
