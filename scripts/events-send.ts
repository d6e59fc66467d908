// `npm run events:send -- <type> [--org <id>] [--actor <userId>] [--url <app url>]`
// Sends the type's example event from the catalog to a running server, with PLATFORM_API_KEY.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { catalog, isNotificationType, notificationTypes } from "@/lib/notifications/catalog";

const { values, positionals } = parseArgs({
  options: {
    org: { type: "string", default: "cust_adatum" },
    actor: { type: "string", default: "u_alice" },
    url: { type: "string" },
  },
  allowPositionals: true,
});
const type = positionals[0] ?? "";
if (!isNotificationType(type)) {
  console.error(
    `Usage: npm run events:send -- <type> [--org <id>] [--actor <userId>]\nTypes:\n  ${notificationTypes.join("\n  ")}`,
  );
  process.exit(1);
}
const config = env();
const key = config.PLATFORM_API_KEY;
if (!key) {
  console.error(
    "Set PLATFORM_API_KEY to a platform API key: npm run apikey:create -- --name demo --scopes events (the key is the last line).",
  );
  process.exit(1);
}
// APP_URL, else http://localhost:$PORT.
const baseUrl = values.url ?? config.APP_URL;
const envelope = {
  id: `evt_${randomUUID()}`,
  type,
  occurredAt: new Date().toISOString(),
  organizationId: values.org,
  actor: { userId: values.actor },
  data: catalog[type].example,
};
const response = await fetch(`${baseUrl}/api/v1/events`, {
  method: "POST",
  headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
  body: JSON.stringify(envelope),
}).catch((error: Error) => {
  console.error(`Could not reach ${baseUrl}: ${error.message}. Is the server running (npm run dev)?`);
  process.exit(1);
});
const body = await response.text();
console.log(`${response.status} ${body}`);
process.exit(response.ok ? 0 : 1);
