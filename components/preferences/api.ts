// Browser-side calls to the preferences APIs. Errors throw with the server's message so the UI
// can roll back and say what went wrong.
import type { Channel } from "@/lib/notifications/catalog";
import type { OrganizationSettingItem, PreferenceChangeEntry, PreferenceItem, SkippedCell } from "@/lib/preferences/items";

export class PreferencesApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, cache: "no-store", headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}) } });
  } catch {
    throw new PreferencesApiError(0, "network_error", "You seem to be offline. Check your connection and try again.");
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new PreferencesApiError(response.status, json?.error?.code ?? "unknown", json?.error?.message ?? `Request failed (${response.status})`);
  return json as T;
}

/** One type or a whole category. */
export type Target = { type: string } | { category: string };

export function putUserPreference(body: Target & { channel: Channel; enabled: boolean | null }) {
  return request<{ items: PreferenceItem[]; skipped: SkippedCell[] }>("/api/preferences", { method: "PUT", body: JSON.stringify(body) });
}

export function resetUserPreferences() {
  return request<{ items: PreferenceItem[]; removed: number }>("/api/preferences/reset", { method: "POST" });
}

const orgPath = (id: string) => `/api/organizations/${encodeURIComponent(id)}/notification-settings`;

export function putOrganizationSetting(organizationId: string, body: Target & { channel: Channel; enabled?: boolean | null; locked?: boolean }) {
  return request<{ items: OrganizationSettingItem[]; skipped: SkippedCell[] }>(orgPath(organizationId), { method: "PUT", body: JSON.stringify(body) });
}

export function fetchOrganizationHistory(organizationId: string, cursor?: string | null) {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return request<{ items: PreferenceChangeEntry[]; nextCursor: string | null }>(`${orgPath(organizationId)}/history${query}`);
}
