import type { Metadata } from "next";
import { listApiKeys } from "@/lib/api-keys";
import { requirePlatformAdmin } from "@/lib/auth/platform-admin";
import { listAuditLog } from "@/lib/console/audit-log";
import { ApiKeysTable } from "@/components/console/api-keys-table";
import { AuditLogTable } from "@/components/console/audit-log-table";
import { ConsolePage } from "@/components/console/console-page";
import { CreateApiKeyDialog } from "@/components/console/create-api-key-dialog";

export const metadata: Metadata = { title: "API keys · Console" };

export default async function ApiKeysPage() {
  await requirePlatformAdmin();
  const [keys, audit] = await Promise.all([listApiKeys(), listAuditLog({ actionPrefix: "api_key.", limit: 50 })]);
  const names = new Map(keys.map((key) => [key.id, key.name]));
  return (
    <ConsolePage
      current="api-keys"
      title="API keys"
      description="Keys the platform uses to call the notification center. A key is shown once, when it is created."
      actions={<CreateApiKeyDialog />}
    >
      <ApiKeysTable keys={keys} />
      <section aria-labelledby="audit-heading" className="space-y-3">
        <h2 id="audit-heading" className="text-lg font-semibold">
          Audit log
        </h2>
        <AuditLogTable entries={audit} caption="API key changes, newest first" names={names} />
      </section>
    </ConsolePage>
  );
}
