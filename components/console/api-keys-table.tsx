import { KeyRound } from "lucide-react";
import { Badge } from "@/components/console/badge";
import { EmptyState } from "@/components/console/empty-state";
import { RevokeApiKeyButton } from "@/components/console/revoke-api-key-button";
import { TableScroll, captionClass, tableClass, tdClass, thClass } from "@/components/console/table";
import { Time } from "@/components/console/time";

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function ApiKeysTable({ keys }: { keys: ApiKeyRow[] }) {
  if (keys.length === 0) {
    return (
      <EmptyState icon={KeyRound} title="No API keys yet">
        Create one for the platform to send events and sync its directory.
      </EmptyState>
    );
  }
  return (
    <TableScroll label="API keys">
      <table className={tableClass}>
        <caption className={captionClass}>API keys, newest first</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>Name</th>
            <th scope="col" className={thClass}>Prefix</th>
            <th scope="col" className={thClass}>Created</th>
            <th scope="col" className={thClass}>Last used</th>
            <th scope="col" className={thClass}>Status</th>
            <th scope="col" className={thClass}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id}>
              <th scope="row" className={`${tdClass} font-medium`}>{key.name}</th>
              <td className={`${tdClass} font-mono text-xs`}>{key.prefix}…</td>
              <td className={tdClass}><Time date={key.createdAt} /></td>
              <td className={tdClass}>{key.lastUsedAt ? <Time date={key.lastUsedAt} /> : <span className="text-zinc-500">Never</span>}</td>
              <td className={tdClass}>
                {key.revokedAt ? (
                  <span className="flex flex-col gap-1">
                    <Badge tone="danger">Revoked</Badge>
                    <Time date={key.revokedAt} className="text-xs text-zinc-500" />
                  </span>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
              </td>
              <td className={`${tdClass} text-right`}>{!key.revokedAt && <RevokeApiKeyButton id={key.id} name={key.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
