"use client";

import { useId, useState } from "react";
import { fieldLabels } from "@/lib/recipient-rules/describe";
import type { PreviewRecipient } from "@/lib/recipient-rules/schemas";
import { Button } from "@/components/ui/button";
import { previewRule } from "./api";

type Result = { organization: { id: string; name: string }; recipients: PreviewRecipient[]; notes: string[] };

/** Who the saved rule reaches right now, for an organization at or beneath this one. */
export function RulePreview(props: {
  organizationId: string;
  type: string;
  typeLabel: string;
  organizations: { id: string; name: string; depth: number }[];
  /** Changes after each save, so a shown preview is refreshed. */
  version: number;
}) {
  const id = useId();
  const [forId, setForId] = useState(props.organizations.find((o) => o.depth > 0)?.id ?? props.organizationId);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [shownVersion, setShownVersion] = useState(props.version);
  if (shownVersion !== props.version) {
    setShownVersion(props.version);
    setResult(null);
  }

  async function show() {
    setBusy(true);
    setError(null);
    try {
      setResult(await previewRule(props.organizationId, props.type, forId));
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="mt-3">
      <h4 id={`${id}-heading`} className="text-sm font-semibold">
        Preview: who gets “{props.typeLabel}” right now
      </h4>
      <div className="mt-1 flex flex-wrap items-end gap-2">
        <label className="text-sm" htmlFor={`${id}-for`}>
          If it happened in
          <select
            id={`${id}-for`}
            value={forId}
            onChange={(e) => setForId(e.target.value)}
            className="mt-1 block rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
          >
            {props.organizations.map((org) => (
              <option key={org.id} value={org.id}>{`${"\u00a0\u00a0".repeat(org.depth)}${org.name}`}</option>
            ))}
          </select>
        </label>
        <Button variant="secondary" disabled={busy} onClick={() => void show()}>
          Show preview
        </Button>
      </div>
      <div aria-live="polite">
        {error && (
          <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
        {result && (
          <div className="mt-2">
            {result.recipients.length === 0 ? (
              <p className="text-sm">Nobody in {result.organization.name} would get it.</p>
            ) : (
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Recipients in {result.organization.name}</caption>
                <thead className="text-xs text-zinc-600 uppercase dark:text-zinc-400">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Recipient
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Field
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Why
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.recipients.map((r) => (
                    <tr key={r.userId ?? r.email} className="border-t border-zinc-200 dark:border-zinc-800">
                      <td className="py-1 pr-3">
                        {r.name ? `${r.name} ` : ""}
                        <span className="text-zinc-600 dark:text-zinc-400">{r.email}</span>
                      </td>
                      <td className="py-1 pr-3">{fieldLabels[r.field]}</td>
                      <td className="py-1">{r.via}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {result.notes.length > 0 && (
              <ul className="mt-2 list-disc pl-5 text-sm text-zinc-600 dark:text-zinc-400">
                {result.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
