"use client";

import { useId, useState } from "react";
import { X } from "lucide-react";
import { ApiError } from "@/lib/api/client";
import { describeRecipient, fieldLabels } from "@/lib/recipient-rules/describe";
import { recipientKey, ruleFields, type RecipientRuleItem, type Rule } from "@/lib/recipient-rules/schemas";
import { Button } from "@/components/ui/button";
import { AddRecipient } from "./add-recipient";
import { resetRule, saveRule } from "./api";

/** To / Cc / Bcc of one type for one organization: edit, lock, save or go back to the inherited rule. */
export function RuleEditor(props: {
  organizationId: string;
  typeLabel: string;
  item: RecipientRuleItem;
  names: Map<string, string>;
  onNames(names: Map<string, string>): void;
  onSaved(item: RecipientRuleItem, message: string): void;
  onCancel(): void;
}) {
  const id = useId();
  const [rule, setRule] = useState<Rule>(() => structuredClone(props.item.rule));
  const [locked, setLocked] = useState(props.item.own && props.item.locked);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const total = rule.to.length + rule.cc.length + rule.bcc.length;

  async function run(action: () => Promise<RecipientRuleItem>, message: string) {
    setBusy(true);
    setError(null);
    try {
      props.onSaved(await action(), message);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "unknown", (caught as Error).message));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      aria-label={`Recipients of ${props.typeLabel}`}
      className="mt-3 flex flex-col gap-4 rounded-lg border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-900/60"
      onSubmit={(event) => {
        event.preventDefault();
        void run(
          () => saveRule(props.organizationId, props.item.type, { ...rule, locked }),
          `Recipients of ${props.typeLabel} saved`,
        );
      }}
    >
      {ruleFields.map((field) => (
        <section key={field} aria-labelledby={`${id}-${field}`}>
          <h4 id={`${id}-${field}`} className="text-sm font-semibold">
            {fieldLabels[field]}
            <span className="ml-2 font-normal text-zinc-600 dark:text-zinc-400">
              {field === "to"
                ? "in-app and email; the only ones who may get sensitive details"
                : field === "cc"
                  ? "in-app and email, marked as copied"
                  : "email only, hidden from the others"}
            </span>
          </h4>
          {rule[field].length === 0 ? (
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Nobody.</p>
          ) : (
            <ul className="mt-1 flex flex-wrap gap-2">
              {rule[field].map((entry, index) => {
                const text = describeRecipient(entry, props.names);
                return (
                  <li
                    key={`${recipientKey(entry)}-${index}`}
                    className="inline-flex items-center gap-1 rounded-full border border-zinc-300 bg-white py-0.5 pr-1 pl-3 text-sm dark:border-zinc-700 dark:bg-zinc-950"
                  >
                    {text}
                    <button
                      type="button"
                      className="rounded-full p-1 hover:bg-zinc-100 focus-visible:outline-2 dark:hover:bg-zinc-800"
                      aria-label={`Remove ${text} from ${fieldLabels[field]}`}
                      onClick={() => setRule({ ...rule, [field]: rule[field].filter((_, i) => i !== index) })}
                    >
                      <X aria-hidden className="size-3.5" />
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {total < 50 && (
            <AddRecipient
              organizationId={props.organizationId}
              fieldLabel={fieldLabels[field]}
              onAdd={(entry, name) => {
                if ("userId" in entry && name) props.onNames(new Map(props.names).set(entry.userId, name));
                if (rule[field].some((existing) => recipientKey(existing) === recipientKey(entry))) return;
                setRule({ ...rule, [field]: [...rule[field], entry] });
              }}
            />
          )}
        </section>
      ))}
      <label className="inline-flex items-center gap-2 text-sm">
        <input type="checkbox" checked={locked} onChange={(e) => setLocked(e.target.checked)} className="size-4" />
        Lock: organizations beneath cannot replace this rule
      </label>
      {error && (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
        >
          <p>{error.message}</p>
          {error.details && error.details.length > 1 && (
            <ul className="mt-1 list-disc pl-5">
              {error.details.map((detail) => (
                <li key={detail.path}>
                  {detail.path}: {detail.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          Save recipients
        </Button>
        {props.item.own && (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() =>
              void run(
                () => resetRule(props.organizationId, props.item.type),
                `Recipients of ${props.typeLabel} reset to the inherited rule`,
              )
            }
          >
            Reset to inherited
          </Button>
        )}
        <Button variant="ghost" disabled={busy} onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
