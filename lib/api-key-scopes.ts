// What a Platform API key may do. Each key carries the scopes chosen when it was created, and
// each Platform API route requires one (withApiKey). No server imports: the console's form
// lists these too.
export const apiKeyScopes = ["events", "directory", "sign-in-links", "recipient-rules"] as const;

export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const apiKeyScopeLabels: Record<ApiKeyScope, string> = {
  events: "Send events (POST /api/v1/events, /api/v1/events/batch)",
  directory: "Sync organizations and users (PUT /api/v1/organizations, /api/v1/users, DELETE users)",
  "sign-in-links": "Create sign-in links for users (POST /api/v1/users/{id}/sign-in-links)",
  "recipient-rules": "Manage organizations' recipient rules (/api/v1/organizations/{id}/recipient-rules)",
};

export function isApiKeyScope(value: string): value is ApiKeyScope {
  return (apiKeyScopes as readonly string[]).includes(value);
}
