"use client";

import { useEffect, useState } from "react";
import { format } from "date-fns";
import { channelLabels } from "@/lib/preferences/labels";
import { cadenceLabels } from "@/lib/delivery-timing/windows";
import type { PreferenceChangeEntry } from "@/lib/preferences/items";
import { summarizeRule } from "@/lib/recipient-rules/describe";
import { Button } from "@/components/ui/button";
import { fetchOrganizationHistory } from "./api";

type Page = { items: PreferenceChangeEntry[]; nextCursor: string | null };

function value(side: { enabled: boolean | null; locked: boolean | null }, scope: string) {
  const enabled =
    side.enabled === null ? (scope === "user" ? "Organization's" : "Inherit") : side.enabled ? "On" : "Off";
  return side.locked ? `${enabled}, locked` : enabled;
}

/** The change log of an organization's settings and its users' choices; refetched after each change (`version`). */
export function OrgHistory({
  organizationId,
  initial,
  version,
}: {
  organizationId: string;
  initial: Page;
  version: number;
}) {
  const [page, setPage] = useState(initial);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (version === 0) return;
    fetchOrganizationHistory(organizationId).then(setPage, () => undefined);
  }, [organizationId, version]);

  async function more() {
    setLoading(true);
    try {
      const next = await fetchOrganizationHistory(organizationId, page.nextCursor);
      setPage({ items: [...page.items, ...next.items], nextCursor: next.nextCursor });
    } finally {
      setLoading(false);
    }
  }

  return (
    <section aria-labelledby="history-heading" className="mt-10">
      <h2 id="history-heading" className="text-lg font-semibold">
        History
      </h2>
      {page.items.length === 0 ? (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">No changes yet.</p>
      ) : (
        // Scrolls sideways on phones: focusable so that keyboard users can scroll it too.
        <div
          role="region"
          aria-label="History table"
          tabIndex={0}
          className="mt-3 overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
        >
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="bg-zinc-50 text-xs text-zinc-600 uppercase dark:bg-zinc-900/60 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  When
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Who
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Setting
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Notification
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((entry) => (
                <tr key={entry.id} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="px-3 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                    <time dateTime={entry.at}>{format(new Date(entry.at), "d MMM yyyy, HH:mm")}</time>
                  </td>
                  <td className="px-3 py-2">
                    {entry.actorName ?? "System"}
                    {entry.via === "unsubscribe" ? " (unsubscribe link)" : ""}
                  </td>
                  <td className="px-3 py-2">{entry.scope === "user" ? `${entry.userName}'s own` : "Organization"}</td>
                  <td className="px-3 py-2">
                    {entry.typeLabel} ·{" "}
                    {entry.cadence ? "Email cadence" : entry.channel ? channelLabels[entry.channel] : "Recipients"}
                  </td>
                  {entry.cadence ? (
                    <td className="px-3 py-2 whitespace-nowrap">
                      {entry.cadence.old ? cadenceLabels[entry.cadence.old] : "Inherited"}
                      {entry.old.locked ? " (locked)" : ""} →{" "}
                      {entry.cadence.new ? cadenceLabels[entry.cadence.new] : "Inherited"}
                      {entry.new.locked ? " (locked)" : ""}
                    </td>
                  ) : entry.rule ? (
                    <td className="px-3 py-2">
                      {summarizeRule(entry.rule.old)}
                      {entry.old.locked ? " (locked)" : ""} → {summarizeRule(entry.rule.new)}
                      {entry.new.locked ? " (locked)" : ""}
                    </td>
                  ) : (
                    <td className="px-3 py-2 whitespace-nowrap">
                      {value(entry.old, entry.scope)} → {value(entry.new, entry.scope)}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.nextCursor && (
        <Button variant="secondary" className="mt-3" disabled={loading} onClick={more}>
          Show older changes
        </Button>
      )}
    </section>
  );
}
