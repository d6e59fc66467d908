// Helpers for the email tests: post events through the real ingest route, wait for the queue.
import { expect } from "vitest";
import { POST as postEvent } from "@/app/api/v1/events/route";
import { createApiKey } from "@/lib/api-keys";
import { apiKeyScopes } from "@/lib/api-key-scopes";
import { callRoute } from "./integration";

let apiKey: string | undefined;
let counter = 0;

/** Posts one envelope to POST /api/v1/events with a real API key; expects 202. */
export async function ingest(envelope: Record<string, unknown>) {
  apiKey ??= (await createApiKey({ scopes: apiKeyScopes, name: "email-tests" })).key;
  const id = `evt_email_${Date.now().toString(36)}_${++counter}`;
  const res = await callRoute(postEvent, "/api/v1/events", {
    body: { id, occurredAt: new Date().toISOString(), ...envelope },
    headers: { authorization: `Bearer ${apiKey}` },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(202);
  return { id, ...res.json } as { id: string; eventId: string; notifications: number };
}

/** Polls until `check` returns a truthy value (or throws after `timeoutMs`). */
export async function until<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 5000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
