"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { apiRequest } from "@/lib/api/client";
import { Button } from "@/components/ui/button";

// Languages offered; the user's current one is listed too when it is another.
const LOCALES = ["en", "en-GB", "en-US", "de", "fr", "es", "it", "nl", "pt-BR", "pl", "sv", "da", "ja"];

const fieldClass =
  "w-full max-w-sm rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** Time zone (every IANA zone the browser knows) and language, saved together. */
export function ProfileForm({ initial }: { initial: { timezone: string; locale: string } }) {
  const router = useRouter();
  const [timezone, setTimezone] = useState(initial.timezone);
  const [locale, setLocale] = useState(initial.locale);
  const [status, setStatus] = useState<{ kind: "saved" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { timezone: useId(), locale: useId(), hint: useId() };

  const zones = useMemo(() => {
    const all = new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
    all.add(initial.timezone);
    return [...all];
  }, [initial.timezone]);
  const languages = useMemo(() => {
    const names = new Intl.DisplayNames([initial.locale, "en"], { type: "language" });
    return [...new Set([initial.locale, ...LOCALES])].map((tag) => ({ tag, name: names.of(tag) ?? tag }));
  }, [initial.locale]);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const saved = await apiRequest<{ timezone: string; locale: string }>("/api/profile", {
        method: "PATCH",
        body: JSON.stringify({ timezone, locale }),
      });
      setStatus({ kind: "saved", text: `Saved: times are shown in ${saved.timezone}.` });
      router.refresh();
    } catch (error) {
      setStatus({ kind: "error", text: `Could not save. ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.timezone} className="text-sm font-medium">
          Time zone
        </label>
        <select
          id={ids.timezone}
          value={timezone}
          onChange={(event) => setTimezone(event.target.value)}
          aria-describedby={ids.hint}
          className={fieldClass}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        <p id={ids.hint} className="text-xs text-muted">
          Snooze times, digests and quiet hours follow this clock.
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={ids.locale} className="text-sm font-medium">
          Language and date format
        </label>
        <select
          id={ids.locale}
          value={locale}
          onChange={(event) => setLocale(event.target.value)}
          className={fieldClass}
        >
          {languages.map(({ tag, name }) => (
            <option key={tag} value={tag}>
              {name} ({tag})
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={busy}>
          Save
        </Button>
        <p
          role="status"
          className={status?.kind === "error" ? "text-sm text-red-700 dark:text-red-400" : "text-sm text-muted"}
        >
          {status?.text}
        </p>
      </div>
    </form>
  );
}
