// A notification list (one view: tab + category) as a state machine. Everything that changes a
// list is one named event, applied by one pure reducer: pages loading, realtime hints, the user's
// own changes and the catch-up after a reconnect. The hook (use-notification-list.ts) only turns
// fetches and socket signals into these events and runs the fetches the state asks for.
import type { NotificationItem } from "@/lib/notifications/item";
import {
  belongsTo,
  mergeItems,
  reconcile,
  staysIn,
  type HeldList,
  type ListView,
} from "@/components/notifications/list-state";

export interface ListState {
  items: NotificationItem[];
  nextCursor: string | null;
  status: "loading" | "ready" | "error";
  error: string | null;
  loadingMore: boolean;
  /** Numbers the first-page loads asked for: the answer of an older one is dropped. */
  load: number;
  /**
   * Catch-up after a reconnect: "wanted" starts one; a resync asked for while one runs is not
   * dropped ("again": one more run afterwards, its answer may predate the new changes).
   */
  sync: "idle" | "wanted" | "running" | "again";
  /** Counts the item changes applied here: `changedAt` holds, per id, the count at its last change. */
  clock: number;
  changedAt: Record<string, number>;
  /** The clock when the running catch-up started fetching: its answer may predate later changes. */
  syncStartedAt: number;
  /** Ids with a change of ours in flight: a catch-up must not undo the optimistic state. */
  pending: Record<string, number>;
}

/** What an item's state became: a realtime `notification:updated`, or our own optimistic change. */
export interface ItemChange {
  id: string;
  readAt: string | null;
  archivedAt: string | null;
  /** Given when the snooze changed: when it comes back, or null (not snoozed). */
  snoozedUntil?: string | null;
  /** The whole item, when known: lets a list that does not hold it add it. */
  item?: NotificationItem;
}

export type ListEvent =
  | { type: "load requested" }
  | { type: "page loaded"; load: number; page: HeldList }
  | { type: "page failed"; load: number; message: string }
  | { type: "more started" }
  | { type: "more loaded"; page: HeldList }
  | { type: "more failed" }
  | { type: "resync requested" }
  | { type: "catch-up started" }
  | { type: "catch-up fetched"; fetched: HeldList & { overlap: boolean } }
  | { type: "catch-up failed" }
  | { type: "item pushed"; item: NotificationItem }
  | { type: "item changed"; change: ItemChange }
  | { type: "all read elsewhere"; at: string }
  | { type: "change started"; ids: string[] }
  | { type: "change settled"; ids: string[] };

/** A list shown with the server's first page, or loading it. */
export function initialListState(initial?: HeldList): ListState {
  return {
    items: initial?.items ?? [],
    nextCursor: initial?.nextCursor ?? null,
    status: initial ? "ready" : "loading",
    error: null,
    loadingMore: false,
    load: 0,
    sync: "idle",
    clock: 0,
    changedAt: {},
    syncStartedAt: 0,
    pending: {},
  };
}

const touched = (state: ListState, id: string): ListState => ({
  ...state,
  clock: state.clock + 1,
  changedAt: { ...state.changedAt, [id]: state.clock + 1 },
});

function countPending(pending: Record<string, number>, ids: string[], delta: 1 | -1) {
  const next = { ...pending };
  for (const id of ids) {
    const n = (next[id] ?? 0) + delta;
    if (n > 0) next[id] = n;
    else delete next[id];
  }
  return next;
}

function applyChange(state: ListState, change: ItemChange, view: ListView): ListState {
  const held = state.items.find((item) => item.id === change.id);
  const base = held ?? change.item;
  if (!base) return state;
  const next = {
    ...base,
    readAt: change.readAt,
    archivedAt: change.archivedAt,
    ...(change.snoozedUntil !== undefined ? { snoozedUntil: change.snoozedUntil } : {}),
  };
  if (!held) return belongsTo(next, view) ? { ...state, items: mergeItems(state.items, [next]) } : state;
  const items = staysIn(next, view)
    ? mergeItems(state.items, [next])
    : state.items.filter((item) => item.id !== change.id);
  return { ...state, items };
}

export function reduceList(state: ListState, event: ListEvent, view: ListView): ListState {
  switch (event.type) {
    case "load requested":
      return { ...state, status: "loading", error: null, load: state.load + 1 };
    case "page loaded":
      if (event.load !== state.load) return state;
      return {
        ...state,
        items: event.page.items,
        nextCursor: event.page.nextCursor,
        status: "ready",
        error: null,
        loadingMore: false,
      };
    case "page failed":
      if (event.load !== state.load) return state;
      return { ...state, status: "error", error: event.message };

    case "more started":
      return { ...state, loadingMore: true };
    case "more loaded":
      return {
        ...state,
        items: mergeItems(state.items, event.page.items),
        nextCursor: event.page.nextCursor,
        loadingMore: false,
      };
    case "more failed":
      return { ...state, loadingMore: false };

    case "resync requested":
      // Without a list to catch up from, load the first page again.
      if (state.status !== "ready") return reduceList(state, { type: "load requested" }, view);
      if (state.sync === "idle") return { ...state, sync: "wanted" };
      if (state.sync === "running") return { ...state, sync: "again" };
      return state;
    case "catch-up started":
      return { ...state, sync: "running", syncStartedAt: state.clock };
    case "catch-up fetched": {
      const keepLocal = (id: string) => id in state.pending || (state.changedAt[id] ?? 0) > state.syncStartedAt;
      return {
        ...state,
        ...reconcile(state, event.fetched, keepLocal, view),
        sync: state.sync === "again" ? "wanted" : "idle",
      };
    }
    case "catch-up failed":
      // Offline again: the next reconnect asks again.
      return { ...state, sync: state.sync === "again" ? "wanted" : "idle" };

    case "item pushed": {
      // New, or back from a snooze: joins the views it belongs to and leaves the others.
      const next = touched(state, event.item.id);
      return belongsTo(event.item, view)
        ? { ...next, items: mergeItems(next.items, [event.item]) }
        : { ...next, items: next.items.filter((item) => item.id !== event.item.id) };
    }
    case "item changed":
      return applyChange(touched(state, event.change.id), event.change, view);
    case "all read elsewhere":
      // Nothing unread anywhere: whatever we show that is not archived has been read elsewhere.
      return {
        ...state,
        items: state.items.map((item) => (item.readAt || item.archivedAt ? item : { ...item, readAt: event.at })),
      };

    case "change started":
      return { ...state, pending: countPending(state.pending, event.ids, 1) };
    case "change settled":
      return { ...state, pending: countPending(state.pending, event.ids, -1) };
  }
}
