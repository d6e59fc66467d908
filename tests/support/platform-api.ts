// Helpers for Platform API integration tests: a real API key and request options that carry it.
import { createApiKey } from "@/lib/api-keys";
import { apiKeyScopes } from "@/lib/api-key-scopes";

export async function newApiKey(name = "integration") {
  return (await createApiKey({ scopes: apiKeyScopes, name })).key;
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A JSON body just over the 1 MiB limit. */
export const oversizedBody = () => JSON.stringify({ name: "x".repeat(1024 * 1024) });
