// The server the end-to-end tests run against: the production build, on a fresh database with
// the demo directory, and a platform API key the tests read from tests/e2e/.state.json.
import { writeFileSync } from "node:fs";
import { createFreshDatabase } from "../support/database";

const port = process.env.E2E_PORT ?? "3100";
const database = await createFreshDatabase("nc_e2e");
Object.assign(process.env, {
  NODE_ENV: "production",
  DATABASE_URL: database.url,
  PORT: port,
  APP_URL: `http://localhost:${port}`,
  AUTH_SECRET: "e2e-test-secret-0123456789abcdefghij",
  PORTAL_BASE_URL: "https://portal.test",
  SEED_DEMO_DATA: "true",
  // No Resend in tests: mail is captured in the development mailbox.
  EMAIL_DISABLED: "true",
  // The webhook tests' receiver listens on 127.0.0.1 (and speaks http).
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
});

const { startServer } = await import("@/lib/server/start");
const { createApiKey } = await import("@/lib/api-keys");
const { apiKeyScopes } = await import("@/lib/api-key-scopes");
await startServer({ onShutdown: () => database.drop() });
const key = await createApiKey({ scopes: apiKeyScopes, name: "e2e" });
writeFileSync(
  process.env.E2E_STATE_FILE ?? "tests/e2e/.state.json",
  JSON.stringify({ apiKey: key.key, databaseUrl: database.url }),
);
