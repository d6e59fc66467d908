import { KeyRound } from "lucide-react";
import { Badge } from "@/components/console/badge";
import { EmptyState } from "@/components/console/empty-state";
import { RevokeApiKeyButton } from "@/components/console/revoke-api-key-button";
import { clsx } from "clsx";
import { Cell, TableScroll, captionClass, collapsing, tableClass, tdClass, thClass } from "@/components/console/table";
import { Time } from "@/components/console/time";

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
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
      <table className={clsx(tableClass, collapsing.table)}>
        <caption className={captionClass}>API keys, newest first</caption>
        <thead className={collapsing.thead}>
          <tr>
            <th scope="col" className={thClass}>
              Name
            </th>
            <th scope="col" className={thClass}>
              Prefix
            </th>
            <th scope="col" className={thClass}>
              Scopes
            </th>
            <th scope="col" className={thClass}>
              Created
            </th>
            <th scope="col" className={thClass}>
              Last used
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
            <th scope="col" className={thClass}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className={collapsing.tbody}>
          {keys.map((key) => (
            <tr key={key.id} className={collapsing.row}>
              <th scope="row" className={clsx(tdClass, "font-medium max-sm:block max-sm:border-0 max-sm:py-1")}>
                {key.name}
              </th>
              <Cell label="Prefix" className="font-mono text-xs">
                {key.prefix}…
              </Cell>
              <Cell label="Scopes">
                <span className="flex flex-wrap gap-1">
                  {key.scopes.map((scope) => (
                    <Badge key={scope}>{scope}</Badge>
                  ))}
                </span>
              </Cell>
              <Cell label="Created">
                <Time date={key.createdAt} />
              </Cell>
              <Cell label="Last used">
                {key.lastUsedAt ? <Time date={key.lastUsedAt} /> : <span className="text-muted">Never</span>}
              </Cell>
              <Cell label="Status">
                {key.revokedAt ? (
                  <span className="flex flex-col gap-1">
                    <Badge tone="danger">Revoked</Badge>
                    <Time date={key.revokedAt} className="text-xs text-muted" />
                  </span>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
              </Cell>
              <td className={clsx(tdClass, "text-right max-sm:block max-sm:border-0 max-sm:py-1 max-sm:text-left")}>
                {!key.revokedAt && <RevokeApiKeyButton id={key.id} name={key.name} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
