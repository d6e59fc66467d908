"use client";

import { useState } from "react";
import { toast } from "sonner";
import { catalog, type NotificationType } from "@/lib/notifications/catalog";
import { summarizeRule } from "@/lib/recipient-rules/describe";
import type { RecipientRuleItem } from "@/lib/recipient-rules/schemas";
import { Button } from "@/components/ui/button";
import { RuleEditor } from "./rule-editor";
import { RulePreview } from "./rule-preview";

function sourceText(item: RecipientRuleItem, organizationId: string) {
  if (item.source === "catalog") return "Catalog default";
  if (item.sourceOrganizationId === organizationId) return "Set here";
  return `From ${item.sourceName}`;
}

/** Per type: who receives it for this organization (and beneath), where that comes from, and the editor. */
export function RecipientRulesSection(props: {
  organizationId: string;
  organizationName: string;
  types: NotificationType[];
  initialItems: RecipientRuleItem[];
  initialNames: Record<string, string>;
  organizations: { id: string; name: string; depth: number }[];
  onChanged?(): void;
}) {
  const [items, setItems] = useState(() => new Map(props.initialItems.map((item) => [item.type, item])));
  const [names, setNames] = useState(() => new Map(Object.entries(props.initialNames)));
  const [editing, setEditing] = useState<string | null>(null);
  const [versions, setVersions] = useState<Record<string, number>>({});

  return (
    <section aria-labelledby="recipients-heading" className="mt-10">
      <h2 id="recipients-heading" className="text-lg font-semibold">
        Who receives each notification
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        To, Cc and Bcc for {props.organizationName} and every organization beneath it. A rule replaces the inherited one
        as a whole; reset it to inherit again.
      </p>
      <ul className="mt-3 divide-y divide-zinc-100 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {props.types.map((type) => {
          const item = items.get(type);
          if (!item) return null;
          const label = catalog[type].label;
          const open = editing === type;
          const panelId = `recipients-${type.replace(/\W/g, "-")}`;
          return (
            <li key={type} className="px-4 py-3" data-recipient-rule={type}>
              <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <h3 className="text-sm font-medium">{label}</h3>
                  <p className="text-sm text-zinc-700 dark:text-zinc-300">{summarizeRule(item.rule, names)}</p>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    {sourceText(item, props.organizationId)}
                    {item.locked ? ` · Locked${item.lockedBy ? ` by ${item.lockedBy}` : ""}` : ""}
                  </p>
                </div>
                {item.lockedBy ? (
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">Cannot be changed here</p>
                ) : (
                  <Button
                    variant="secondary"
                    aria-expanded={open}
                    aria-controls={open ? panelId : undefined}
                    onClick={() => setEditing(open ? null : type)}
                  >
                    {open ? "Close" : "Edit recipients"}
                    <span className="sr-only"> of {label}</span>
                  </Button>
                )}
              </div>
              {open && (
                <div id={panelId}>
                  <RuleEditor
                    key={versions[type] ?? 0}
                    organizationId={props.organizationId}
                    typeLabel={label}
                    item={item}
                    names={names}
                    onNames={setNames}
                    onCancel={() => setEditing(null)}
                    onSaved={(saved, message) => {
                      setItems(new Map(items).set(type, saved));
                      setVersions({ ...versions, [type]: (versions[type] ?? 0) + 1 });
                      toast.success(message);
                      props.onChanged?.();
                    }}
                  />
                  <RulePreview
                    organizationId={props.organizationId}
                    type={type}
                    typeLabel={label}
                    organizations={props.organizations}
                    version={versions[type] ?? 0}
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
