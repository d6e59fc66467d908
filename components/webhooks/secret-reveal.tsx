"use client";

import { useState } from "react";
import { Check, Copy, TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { inputClass, labelClass } from "@/components/console/form-styles";

/** A signing secret shown once, with a copy button. */
export function SecretReveal({ secret, note }: { secret: string; note: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }
  return (
    <div className="mt-4">
      <p className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        {note}
      </p>
      <label htmlFor="webhook-secret" className={`${labelClass} mt-4`}>
        Signing secret
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="webhook-secret"
          readOnly
          value={secret}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClass} mt-0 font-mono`}
        />
        <Button variant="secondary" onClick={copy} aria-label={copied ? "Copied" : "Copy signing secret"}>
          {copied ? <Check aria-hidden className="size-4" /> : <Copy aria-hidden className="size-4" />}
          <span aria-hidden>{copied ? "Copied" : "Copy"}</span>
        </Button>
      </div>
      <p role="status" className="sr-only">
        {copied ? "Signing secret copied to the clipboard" : ""}
      </p>
    </div>
  );
}
