"use client";

import { useEffect, useId, useState } from "react";
import { audienceTokens, type AudienceToken } from "@/lib/notifications/catalog";
import { orgKindLabels, roleLabels, tokenLabels } from "@/lib/recipient-rules/describe";
import {
  recipientOrgKinds,
  recipientSchema,
  type Recipient,
  type RecipientOrgKind,
} from "@/lib/recipient-rules/schemas";
import type { Person } from "@/lib/recipient-rules/people-types";
import { Button } from "@/components/ui/button";
import { searchPeople } from "./api";

type Kind = "token" | "role" | "person" | "email";
const kindLabels: Record<Kind, string> = {
  token: "Contact or the user involved",
  role: "Everyone with a role",
  person: "A person",
  email: "An outside address (email only)",
};
const roles = ["admin", "account_manager", "billing_admin", "member"] as const;
const control =
  "mt-1 block w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/** The picker: adds one entry to a field (a token, a role of an organization, a person of this tree, or an address). */
export function AddRecipient(props: {
  organizationId: string;
  fieldLabel: string;
  onAdd(entry: Recipient, name?: string): void;
}) {
  const id = useId();
  const [kind, setKind] = useState<Kind>("token");
  const [token, setToken] = useState<AudienceToken>("customer.primary");
  const [role, setRole] = useState<(typeof roles)[number]>("billing_admin");
  const [of, setOf] = useState<RecipientOrgKind>("customer");
  const [email, setEmail] = useState("");
  const [emailError, setEmailError] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [people, setPeople] = useState<Person[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);

  useEffect(() => {
    if (kind !== "person") return;
    let cancelled = false;
    const timer = setTimeout(() => {
      searchPeople(props.organizationId, query).then(
        (result) => !cancelled && (setPeople(result.items), setSearchError(null)),
        (error: Error) => !cancelled && setSearchError(error.message),
      );
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [kind, query, props.organizationId]);

  function addEmail() {
    const parsed = recipientSchema.safeParse({ email });
    if (!parsed.success) return setEmailError("Enter an email address such as finance@example.com");
    setEmailError(null);
    setEmail("");
    props.onAdd(parsed.data);
  }

  return (
    <fieldset className="mt-2 rounded-md border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
      <legend className="px-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">Add to {props.fieldLabel}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="text-sm" htmlFor={`${id}-kind`}>
          Kind of recipient
          <select id={`${id}-kind`} className={control} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {(Object.keys(kindLabels) as Kind[]).map((k) => (
              <option key={k} value={k}>
                {kindLabels[k]}
              </option>
            ))}
          </select>
        </label>
        {kind === "token" && (
          <div className="flex items-end gap-2">
            <label className="flex-1 text-sm" htmlFor={`${id}-token`}>
              Who
              <select
                id={`${id}-token`}
                className={control}
                value={token}
                onChange={(e) => setToken(e.target.value as AudienceToken)}
              >
                {audienceTokens.map((t) => (
                  <option key={t} value={t}>
                    {tokenLabels[t]}
                  </option>
                ))}
              </select>
            </label>
            <Button variant="secondary" onClick={() => props.onAdd({ token })}>
              Add to {props.fieldLabel}
            </Button>
          </div>
        )}
        {kind === "role" && (
          <div className="flex flex-wrap items-end gap-2">
            <label className="text-sm" htmlFor={`${id}-role`}>
              Role
              <select
                id={`${id}-role`}
                className={control}
                value={role}
                onChange={(e) => setRole(e.target.value as (typeof roles)[number])}
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {roleLabels[r]}
                  </option>
                ))}
              </select>
            </label>
            <label className="text-sm" htmlFor={`${id}-of`}>
              Of the
              <select
                id={`${id}-of`}
                className={control}
                value={of}
                onChange={(e) => setOf(e.target.value as RecipientOrgKind)}
              >
                {recipientOrgKinds.map((k) => (
                  <option key={k} value={k}>
                    {orgKindLabels[k]}
                  </option>
                ))}
              </select>
            </label>
            <Button variant="secondary" onClick={() => props.onAdd({ role, of })}>
              Add to {props.fieldLabel}
            </Button>
          </div>
        )}
        {kind === "email" && (
          <div className="flex items-end gap-2">
            <label className="flex-1 text-sm" htmlFor={`${id}-email`}>
              Email address
              <input
                id={`${id}-email`}
                type="email"
                className={control}
                value={email}
                aria-invalid={emailError ? true : undefined}
                aria-describedby={emailError ? `${id}-email-error` : undefined}
                onChange={(e) => setEmail(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    addEmail();
                  }
                }}
              />
            </label>
            <Button variant="secondary" onClick={addEmail}>
              Add to {props.fieldLabel}
            </Button>
          </div>
        )}
        {kind === "person" && (
          <label className="text-sm" htmlFor={`${id}-search`}>
            Search people by name or email
            <input
              id={`${id}-search`}
              type="search"
              className={control}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
        )}
      </div>
      {kind === "email" && emailError && (
        <p id={`${id}-email-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {emailError}
        </p>
      )}
      {kind === "person" && (
        <div aria-live="polite" className="mt-2">
          {searchError ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {searchError}
            </p>
          ) : people === null ? null : people.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Nobody in this organization matches.</p>
          ) : (
            <ul className="flex flex-col gap-1" aria-label="Matching people">
              {people.map((person) => (
                <li key={person.id}>
                  <Button
                    variant="ghost"
                    className="w-full justify-start text-left"
                    aria-label={`Add ${person.name} (${person.email}) to ${props.fieldLabel}`}
                    onClick={() => props.onAdd({ userId: person.id }, person.name)}
                  >
                    <span className="font-medium">{person.name}</span>
                    <span className="text-zinc-600 dark:text-zinc-400">
                      {person.email} · {person.organizationName}
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </fieldset>
  );
}
