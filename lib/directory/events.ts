// A tiny in-process signal: the directory (organizations, users) changed. Listeners live on
// globalThis because Next bundles route handlers apart from server.ts and each bundle would
// otherwise get its own list. Caches (the organization tree, signed-in users) are dropped here and
// on the other instances through lib/cache/invalidation.ts.
import { invalidate } from "@/lib/cache/invalidation";

export interface DirectoryChange {
  kind: "organization" | "user";
  id: string;
}

type Listener = (change: DirectoryChange) => void;

const holder = globalThis as unknown as { __directoryListeners?: Set<Listener> };
const listeners = (holder.__directoryListeners ??= new Set());

/** Subscribes to directory changes; returns the unsubscribe function. */
export function onDirectoryChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells every subscriber that the directory changed (call after the commit), and drops cached trees or users everywhere. */
export function directoryChanged(change: DirectoryChange) {
  invalidate(change.kind === "organization" ? "directory" : "users");
  for (const listener of listeners) {
    try {
      listener(change);
    } catch (error) {
      console.error("directory change listener failed", error);
    }
  }
}
