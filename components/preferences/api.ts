// Browser-side calls to the preferences APIs. Errors throw with the server's message so the UI
// can roll back and say what went wrong.
import type { Channel } from "@/lib/notifications/catalog";
import type { Cadence, QuietDays } from "@/lib/delivery-timing/windows";
import type {
  CadenceItem,
  OrganizationCadenceItem,
  ScheduleView,
  OrganizationSettingItem,
  PreferenceChangeEntry,
  PreferenceItem,
  SkippedCell,
} from "@/lib/preferences/items";
import { apiRequest } from "@/lib/api/client";

/** One type or a whole category. */
export type Target = { type: string } | { category: string };

export function putUserPreference(body: Target & { channel: Channel; enabled: boolean | null }) {
  return apiRequest<{ items: PreferenceItem[]; skipped: SkippedCell[] }>("/api/preferences", {
    method: "PUT",
    body: JSON.stringify(body),
  });
}

export function resetUserPreferences() {
  return apiRequest<{ items: PreferenceItem[]; cadence: CadenceItem[]; removed: number }>("/api/preferences/reset", {
    method: "POST",
  });
}

const orgPath = (id: string) => `/api/organizations/${encodeURIComponent(id)}/notification-settings`;

export function putOrganizationSetting(
  organizationId: string,
  body: Target & { channel: Channel; enabled?: boolean | null; locked?: boolean },
) {
  return apiRequest<{ items: OrganizationSettingItem[]; skipped: SkippedCell[] }>(orgPath(organizationId), {
    method: "PUT",
    body: JSON.stringify(body),
  });
}

export function fetchOrganizationHistory(organizationId: string, cursor?: string | null) {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return apiRequest<{ items: PreferenceChangeEntry[]; nextCursor: string | null }>(
    `${orgPath(organizationId)}/history${query}`,
  );
}

export function putUserCadence(body: { category: string; cadence: Cadence | null }) {
  return apiRequest<{ item: CadenceItem }>("/api/preferences/cadence", { method: "PUT", body: JSON.stringify(body) });
}

export function putSchedule(body: {
  digestTime?: string;
  quietHours?: { start: string; end: string; days: QuietDays } | null;
}) {
  return apiRequest<{ schedule: ScheduleView }>("/api/preferences/schedule", {
    method: "PUT",
    body: JSON.stringify(body),
  });
}

export function putOrganizationCadence(
  organizationId: string,
  body: { category: string; cadence?: Cadence | null; locked?: boolean },
) {
  return apiRequest<{ item: OrganizationCadenceItem }>(`${orgPath(organizationId)}/cadence`, {
    method: "PUT",
    body: JSON.stringify(body),
  });
}
