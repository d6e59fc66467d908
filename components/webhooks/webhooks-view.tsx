"use client";

import { useState } from "react";
import { Plus, Webhook } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/console/empty-state";
import type { Endpoint } from "./api";
import { EndpointCard } from "./endpoint-card";
import { EndpointDialog } from "./endpoint-dialog";

export function WebhooksView({
  organizationId,
  initialEndpoints,
}: {
  organizationId: string;
  initialEndpoints: Endpoint[];
}) {
  const [endpoints, setEndpoints] = useState(initialEndpoints);
  const [adding, setAdding] = useState(false);

  const upsert = (endpoint: Endpoint) =>
    setEndpoints((current) =>
      current.some((e) => e.id === endpoint.id)
        ? current.map((e) => (e.id === endpoint.id ? endpoint : e))
        : [...current, endpoint],
    );

  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <Button onClick={() => setAdding(true)}>
          <Plus aria-hidden className="size-4" /> Add endpoint
        </Button>
      </div>
      {endpoints.length === 0 ? (
        <EmptyState icon={Webhook} title="No webhook endpoints yet">
          Add an endpoint to receive this organization&apos;s events, and those of every organization beneath it, in
          your PSA, CRM or ticketing tool.
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Webhook endpoints">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id}>
              <EndpointCard
                organizationId={organizationId}
                endpoint={endpoint}
                onChanged={upsert}
                onDeleted={(id) => setEndpoints((current) => current.filter((e) => e.id !== id))}
              />
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <EndpointDialog organizationId={organizationId} open={adding} onOpenChange={setAdding} onSaved={upsert} />
      )}
    </div>
  );
}
