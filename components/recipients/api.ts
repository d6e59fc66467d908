// Browser-side calls to the recipient rule APIs; errors throw as ApiError (status, code, details).
import { apiRequest } from "@/lib/api/client";
import type { Person } from "@/lib/recipient-rules/people-types";
import type { PreviewRecipient, RecipientRuleItem, Rule } from "@/lib/recipient-rules/schemas";

const base = (organizationId: string) => `/api/organizations/${encodeURIComponent(organizationId)}`;
const rulePath = (organizationId: string, type: string) =>
  `${base(organizationId)}/recipient-rules/${encodeURIComponent(type)}`;

export function saveRule(organizationId: string, type: string, body: Rule & { locked: boolean }) {
  return apiRequest<RecipientRuleItem>(rulePath(organizationId, type), { method: "PUT", body: JSON.stringify(body) });
}

export function resetRule(organizationId: string, type: string) {
  return apiRequest<RecipientRuleItem>(rulePath(organizationId, type), { method: "DELETE" });
}

export function previewRule(organizationId: string, type: string, forId: string) {
  return apiRequest<{ organization: { id: string; name: string }; recipients: PreviewRecipient[]; notes: string[] }>(
    `${rulePath(organizationId, type)}/preview?for=${encodeURIComponent(forId)}`,
  );
}

export function searchPeople(organizationId: string, q: string) {
  return apiRequest<{ items: Person[] }>(`${base(organizationId)}/people?q=${encodeURIComponent(q)}`);
}
