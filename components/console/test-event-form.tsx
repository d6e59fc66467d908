"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { ArrowRight, CircleCheck, Send } from "lucide-react";
import {
  catalog,
  categories,
  categoryKeys,
  getType,
  typesInCategory,
  type NotificationType,
} from "@/lib/notifications/catalog";
import { zodDetails, type ErrorDetail } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { hintClass, inputClass, labelClass } from "@/components/console/form-styles";
import { requestJson, type RequestError } from "@/components/console/request-json";

interface TestEventOrg {
  id: string;
  name: string;
  kind: string;
  primaryContactId: string | null;
  users: { id: string; name: string; email: string; role: string }[];
}

interface Sent {
  id: string;
  eventId: string;
  status: string;
  notifications: number;
  url: string;
}

const exampleText = (type: NotificationType) => JSON.stringify(catalog[type].example, null, 2);

/** Parses the editor's text and checks it against the type's schema: problems by JSON path. */
function validate(type: string, text: string): { data?: Record<string, unknown>; problems: ErrorDetail[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: "data", message: `Not valid JSON: ${(error as Error).message}` }] };
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    return { problems: [{ path: "data", message: "Must be a JSON object" }] };
  const result = getType(type)?.schema.safeParse(value);
  if (result && !result.success) return { problems: zodDetails(result.error, "data") };
  return { data: value as Record<string, unknown>, problems: [] };
}

function defaultActor(org: TestEventOrg | undefined) {
  return org?.users.find((user) => user.id === org.primaryContactId)?.id ?? org?.users[0]?.id ?? "";
}

export function TestEventForm({
  organizations,
  initialOrganizationId,
}: {
  organizations: TestEventOrg[];
  initialOrganizationId?: string;
}) {
  const [type, setType] = useState<NotificationType>(typesInCategory(categoryKeys[0]!)[0]!);
  const [organizationId, setOrganizationId] = useState(initialOrganizationId ?? organizations[0]?.id ?? "");
  const organization = organizations.find((org) => org.id === organizationId);
  const [actorId, setActorId] = useState(defaultActor(organization));
  const [text, setText] = useState(exampleText(type));
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<RequestError | null>(null);
  const { data, problems } = useMemo(() => validate(type, text), [type, text]);
  const definition = catalog[type];

  function onTypeChange(next: NotificationType) {
    setType(next);
    setText(exampleText(next));
    setSent(null);
  }

  function onOrganizationChange(next: string) {
    setOrganizationId(next);
    setActorId(defaultActor(organizations.find((org) => org.id === next)));
  }

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!data) return;
    setPending(true);
    setError(null);
    setSent(null);
    const result = await requestJson<Sent>("/api/admin/test-events", {
      method: "POST",
      body: { type, organizationId, ...(actorId ? { actorId } : {}), data },
    });
    setPending(false);
    if (result.ok) setSent(result.data);
    else setError(result.error);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-5" aria-label="Test event">
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="test-type" className={labelClass}>
            Type
          </label>
          <select
            id="test-type"
            value={type}
            onChange={(e) => onTypeChange(e.target.value as NotificationType)}
            className={inputClass}
          >
            {categoryKeys.map((category) => (
              <optgroup key={category} label={categories[category].label}>
                {typesInCategory(category).map((key) => (
                  <option key={key} value={key}>
                    {catalog[key].label} ({key})
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="test-organization" className={labelClass}>
            Organization
          </label>
          <select
            id="test-organization"
            value={organizationId}
            onChange={(e) => onOrganizationChange(e.target.value)}
            className={inputClass}
          >
            {organizations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name} ({org.kind})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="test-actor" className={labelClass}>
            Actor
          </label>
          <select id="test-actor" value={actorId} onChange={(e) => setActorId(e.target.value)} className={inputClass}>
            <option value="">No actor</option>
            {organization?.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.email})
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800/60">
        <p>{definition.description}</p>
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          To: {definition.to.join(", ") || "—"} · Cc: {definition.cc.join(", ") || "—"} · Default channels:{" "}
          {definition.channels.join(", ")}
          {definition.critical && " · critical"}
          {definition.sensitive.length > 0 && ` · sensitive: ${definition.sensitive.join(", ")}`}
        </p>
      </div>
      <div>
        <div className="flex flex-wrap items-end justify-between gap-2">
          <label htmlFor="test-data" className={labelClass}>
            Data (JSON)
          </label>
          <button
            type="button"
            onClick={() => setText(exampleText(type))}
            className="text-sm text-brand-600 hover:underline dark:text-brand-400"
          >
            Reset to the example
          </button>
        </div>
        <textarea
          id="test-data"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={Math.min(24, Math.max(8, text.split("\n").length + 1))}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-invalid={problems.length > 0}
          aria-describedby="test-data-status"
          className={`${inputClass} font-mono text-xs leading-5`}
        />
        <div id="test-data-status" aria-live="polite" className="mt-2">
          {problems.length === 0 ? (
            <p className="flex items-center gap-1.5 text-sm text-emerald-700 dark:text-emerald-400">
              <CircleCheck aria-hidden className="size-4" /> Valid {type} data
            </p>
          ) : (
            <div className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
              <p className="font-medium">{problems.length === 1 ? "1 problem" : `${problems.length} problems`}</p>
              <ul className="mt-1 list-disc space-y-0.5 pl-5" aria-label="Problems in the data">
                {problems.map((problem, index) => (
                  <li key={`${problem.path}-${index}`}>
                    <code className="font-mono text-xs">{problem.path}</code>: {problem.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <p className={hintClass}>
          Sensitive fields are sent to the pipeline, kept encrypted for the email only, and never stored in the event.
        </p>
      </div>
      {error && (
        <div
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300"
        >
          <p>{error.message}</p>
          {error.details && error.details.length > 1 && (
            <ul className="mt-1 list-disc pl-5">
              {error.details.map((detail, index) => (
                <li key={index}>
                  <code className="font-mono text-xs">{detail.path}</code>: {detail.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {sent && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
        >
          <span>
            Sent <code className="font-mono text-xs">{sent.eventId}</code>: {sent.status}, {sent.notifications}{" "}
            {sent.notifications === 1 ? "notification" : "notifications"}.
          </span>
          <Link href={sent.url} className="inline-flex items-center gap-1 font-medium underline">
            Open its delivery trail <ArrowRight aria-hidden className="size-4" />
          </Link>
        </div>
      )}
      <Button type="submit" disabled={pending || !data || !organizationId}>
        <Send aria-hidden className="size-4" /> {pending ? "Sending…" : "Send test event"}
      </Button>
    </form>
  );
}
