"use client";

import { Dialog } from "radix-ui";
import { useState } from "react";
import { ChevronDown, KeyRound, Pause, Pencil, Play, Send, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/console/badge";
import { contentClass, descriptionClass, overlayClass, titleClass } from "@/components/console/dialog-styles";
import { catalog, isNotificationType } from "@/lib/notifications/catalog";
import { webhooksClient, type Attempt, type Endpoint } from "./api";
import { AttemptLine } from "./attempt-line";
import { ConfirmDialog } from "./confirm-dialog";
import { DeliveriesList } from "./deliveries-list";
import { EndpointDialog } from "./endpoint-dialog";
import { SecretReveal } from "./secret-reveal";

function status(endpoint: Endpoint) {
  if (endpoint.enabled) return <Badge tone="success">Active</Badge>;
  if (endpoint.disabledReason === "failing") return <Badge tone="danger">Disabled after 3 days of failures</Badge>;
  return <Badge tone="neutral">Paused</Badge>;
}

function typesText(types: string[]) {
  if (types.includes("*")) return "All events";
  const labels = types.map((type) => (isNotificationType(type) ? catalog[type].label : type));
  return labels.length > 3 ? `${labels.slice(0, 3).join(", ")} and ${labels.length - 3} more` : labels.join(", ");
}

export function EndpointCard({
  organizationId,
  endpoint,
  onChanged,
  onDeleted,
}: {
  organizationId: string;
  endpoint: Endpoint;
  onChanged(endpoint: Endpoint): void;
  onDeleted(id: string): void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [test, setTest] = useState<Attempt | null>(null);
  const [showDeliveries, setShowDeliveries] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<"delete" | "rotate" | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const label = endpoint.description || endpoint.url;

  async function sendTest() {
    setBusy("test");
    setMessage(null);
    const result = await webhooksClient.test(organizationId, endpoint.id);
    setBusy(null);
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    setTest(result.data.attempt);
    setRefreshKey((key) => key + 1);
  }

  async function setEnabled(enabled: boolean) {
    setBusy("toggle");
    setMessage(null);
    const result = await webhooksClient.update(organizationId, endpoint.id, { enabled });
    setBusy(null);
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    onChanged(result.data);
    setMessage({ tone: "info", text: enabled ? "Turned on: waiting deliveries go out now." : "Paused." });
  }

  async function rotate() {
    const result = await webhooksClient.rotate(organizationId, endpoint.id);
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    setSecret(result.data.secret);
  }

  async function remove() {
    const result = await webhooksClient.remove(organizationId, endpoint.id);
    if (!result.ok) return setMessage({ tone: "error", text: result.error.message });
    onDeleted(endpoint.id);
  }

  const testOk = test && test.httpStatus !== null && test.httpStatus >= 200 && test.httpStatus < 300;
  return (
    <article
      aria-label={`Endpoint ${label}`}
      className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <div className="min-w-0 flex-1">
          <h3 className="font-medium break-words">{endpoint.description || "Endpoint"}</h3>
          <p className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{endpoint.url}</p>
          <p className="mt-1 text-xs text-muted">{typesText(endpoint.types)}</p>
        </div>
        {status(endpoint)}
      </header>

      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" disabled={busy !== null} onClick={() => void sendTest()}>
          <Send aria-hidden className="size-4" /> {busy === "test" ? "Sending…" : "Send test"}
        </Button>
        {endpoint.enabled ? (
          <Button variant="secondary" disabled={busy !== null} onClick={() => void setEnabled(false)}>
            <Pause aria-hidden className="size-4" /> Pause
          </Button>
        ) : (
          <Button disabled={busy !== null} onClick={() => void setEnabled(true)}>
            <Play aria-hidden className="size-4" /> {endpoint.disabledReason === "failing" ? "Re-enable" : "Resume"}
          </Button>
        )}
        <Button variant="ghost" onClick={() => setEditing(true)}>
          <Pencil aria-hidden className="size-4" /> Edit
        </Button>
        <Button variant="ghost" onClick={() => setConfirm("rotate")}>
          <KeyRound aria-hidden className="size-4" /> Rotate secret
        </Button>
        <Button variant="ghost" onClick={() => setConfirm("delete")} className="text-red-700 dark:text-red-400">
          <Trash2 aria-hidden className="size-4" /> Delete
        </Button>
      </div>

      <div role="status" aria-live="polite">
        {test && (
          <div
            className={`mt-3 rounded-md border p-3 ${testOk ? "border-emerald-200 dark:border-emerald-900" : "border-red-200 dark:border-red-900"}`}
          >
            <p className="mb-1 text-sm font-medium">
              {testOk ? "Test message delivered" : "Test message failed: it will be retried"}
            </p>
            <AttemptLine attempt={test} />
          </div>
        )}
        {message && (
          <p
            className={`mt-2 text-sm ${message.tone === "error" ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}
          >
            {message.text}
          </p>
        )}
      </div>

      <button
        type="button"
        className="mt-3 inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline dark:text-brand-100"
        aria-expanded={showDeliveries}
        aria-controls={`deliveries-${endpoint.id}`}
        onClick={() => setShowDeliveries((open) => !open)}
      >
        <ChevronDown aria-hidden className={`size-4 transition-transform ${showDeliveries ? "rotate-180" : ""}`} />
        Deliveries
      </button>
      {showDeliveries && (
        <div id={`deliveries-${endpoint.id}`} className="mt-2">
          <DeliveriesList organizationId={organizationId} endpointId={endpoint.id} refreshKey={refreshKey} />
        </div>
      )}

      {editing && (
        <EndpointDialog
          organizationId={organizationId}
          endpoint={endpoint}
          open={editing}
          onOpenChange={setEditing}
          onSaved={onChanged}
        />
      )}
      <ConfirmDialog
        open={confirm === "delete"}
        onOpenChange={(open) => !open && setConfirm(null)}
        title="Delete this endpoint?"
        description={`${label} stops receiving events at once, and its delivery history is deleted.`}
        confirm="Delete endpoint"
        danger
        onConfirm={() => void remove()}
      />
      <ConfirmDialog
        open={confirm === "rotate"}
        onOpenChange={(open) => !open && setConfirm(null)}
        title="Rotate the signing secret?"
        description="A new secret signs every message from now on. The current one keeps signing alongside it for 24 hours, so the receiver can switch without missing a message."
        confirm="Rotate secret"
        onConfirm={() => void rotate()}
      />
      <Dialog.Root open={secret !== null} onOpenChange={(open) => !open && setSecret(null)}>
        <Dialog.Portal>
          <Dialog.Overlay className={overlayClass} />
          <Dialog.Content className={contentClass}>
            <Dialog.Title className={titleClass}>New signing secret</Dialog.Title>
            <Dialog.Description className={descriptionClass}>
              Messages carry two signatures for the next 24 hours: one with the old secret, one with this one.
            </Dialog.Description>
            {secret && <SecretReveal secret={secret} note="This is the only time the new secret is shown." />}
            <div className="mt-5 flex justify-end">
              <Dialog.Close asChild>
                <Button>Done</Button>
              </Dialog.Close>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </article>
  );
}
