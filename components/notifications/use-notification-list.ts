"use client";

// A live list of notifications for one view (tab + category): first page from the server or
// fetched on mount, keyset "load more", realtime merging by id, catch-up after reconnects, and
// optimistic read/archive/snooze with rollback. What the list holds is a state machine (list-machine.ts);
// this hook runs the fetches its state asks for and turns socket signals into its events.
// Counts are refetched from the server after each change.
import { useCallback, useEffect, useEffectEvent, useReducer, useRef } from "react";
import { toast } from "sonner";
import type { NotificationItem } from "@/lib/notifications/item";
import {
  fetchPage,
  patchNotification,
  postReadAll,
  type InboxPage,
  type ItemPatch,
} from "@/components/notifications/api";
import { initialListState, reduceList, type ItemChange, type ListEvent } from "@/components/notifications/list-machine";
import type { HeldList, ListView } from "@/components/notifications/list-state";
import { useRealtime, useRealtimeSignal } from "@/components/notifications/use-realtime";

// After a reconnect, fetch pages from the top until one overlaps what we hold; past this many
// pages, start over from the fresh first pages instead of leaving a hole in the middle.
const MAX_CATCH_UP_PAGES = 5;

async function fetchFromTop(view: ListView, limit: number, held: Set<string>) {
  const items: NotificationItem[] = [];
  let cursor: string | null = null;
  let overlap = held.size === 0;
  for (let pages = 0; pages < MAX_CATCH_UP_PAGES; pages++) {
    const page: InboxPage = await fetchPage({ ...view, cursor, limit });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (page.items.some((item) => held.has(item.id))) overlap = true;
    if (overlap || !cursor) break;
  }
  return { items, nextCursor: cursor, overlap };
}

export function useNotificationList(view: ListView, options: { initial?: HeldList; limit?: number } = {}) {
  const { publish, refreshCount } = useRealtime();
  const limit = options.limit ?? 20;
  const { status, category } = view;
  const [state, dispatch] = useReducer(
    (current: ReturnType<typeof initialListState>, event: ListEvent) =>
      reduceList(current, event, { status, category }),
    options.initial,
    initialListState,
  );

  // The fetches the state asks for: the first page while loading, a catch-up when wanted.
  const loadFirstPage = useEffectEvent(async (load: number) => {
    try {
      dispatch({ type: "page loaded", load, page: await fetchPage({ status, category, limit }) });
    } catch (error) {
      dispatch({ type: "page failed", load, message: (error as Error).message });
    }
  });
  useEffect(() => {
    if (state.status === "loading") void loadFirstPage(state.load);
  }, [state.status, state.load]);

  const catchUp = useEffectEvent(async () => {
    dispatch({ type: "catch-up started" });
    const held = new Set(state.items.map((item) => item.id));
    try {
      dispatch({ type: "catch-up fetched", fetched: await fetchFromTop({ status, category }, limit, held) });
    } catch {
      dispatch({ type: "catch-up failed" });
    }
  });
  useEffect(() => {
    if (state.sync === "wanted") void catchUp();
  }, [state.sync]);

  useRealtimeSignal((signal) => {
    if (signal.kind === "resync") dispatch({ type: "resync requested" });
    else if (signal.kind === "new") dispatch({ type: "item pushed", item: signal.item });
    else if (signal.kind === "updated") dispatch({ type: "item changed", change: signal });
    else if (signal.count === 0) dispatch({ type: "all read elsewhere", at: new Date().toISOString() });
  });

  const reload = useCallback(() => dispatch({ type: "load requested" }), []);

  // Set at once, not on the next render: a click and the end scrolling into view may both ask.
  const fetchingMore = useRef(false);
  /** Appends the next page; true when it brought items. */
  const loadMore = useCallback(async (): Promise<boolean> => {
    const cursor = state.nextCursor;
    if (!cursor || fetchingMore.current) return false;
    fetchingMore.current = true;
    dispatch({ type: "more started" });
    try {
      const page = await fetchPage({ status, category, cursor, limit });
      dispatch({ type: "more loaded", page });
      return page.items.length > 0;
    } catch (error) {
      dispatch({ type: "more failed" });
      toast.error(`Could not load more notifications. ${(error as Error).message}`);
      return false;
    } finally {
      fetchingMore.current = false;
    }
  }, [state.nextCursor, status, category, limit]);

  /** Publishes a state change to every list in this tab (this one included). */
  const apply = useCallback(
    (item: NotificationItem) => {
      const change: ItemChange = {
        id: item.id,
        readAt: item.readAt,
        archivedAt: item.archivedAt,
        snoozedUntil: item.snoozedUntil ?? null,
        item,
      };
      publish({ kind: "updated", ...change });
    },
    [publish],
  );

  /** Applies `optimistic` to the items at once, runs `request`, and rolls back if it fails. */
  const change = useCallback(
    async (
      items: NotificationItem[],
      optimistic: NotificationItem[],
      request: () => Promise<unknown>,
      what: string,
    ) => {
      const ids = items.map((item) => item.id);
      dispatch({ type: "change started", ids });
      optimistic.forEach(apply);
      try {
        await request();
      } catch (error) {
        items.forEach(apply);
        toast.error(`${what} ${(error as Error).message}`);
      } finally {
        dispatch({ type: "change settled", ids });
        void refreshCount();
      }
    },
    [apply, refreshCount],
  );

  const update = useCallback(
    (item: NotificationItem, patch: ItemPatch) => {
      const now = new Date().toISOString();
      const optimistic = {
        ...item,
        ...(patch.read !== undefined ? { readAt: patch.read ? (item.readAt ?? now) : null } : {}),
        ...(patch.archived !== undefined ? { archivedAt: patch.archived ? (item.archivedAt ?? now) : null } : {}),
        ...(patch.snoozedUntil !== undefined ? { snoozedUntil: patch.snoozedUntil } : {}),
      };
      return change(
        [item],
        [optimistic],
        async () => apply(await patchNotification(item.id, patch)),
        `Could not update “${item.title}”.`,
      );
    },
    [apply, change],
  );

  const markAllRead = useCallback(
    (only?: string | null) => {
      const now = new Date().toISOString();
      const affected = state.items.filter(
        (item) => !item.readAt && !item.archivedAt && (!only || item.category === only),
      );
      return change(
        affected,
        affected.map((item) => ({ ...item, readAt: now })),
        () => postReadAll(only),
        "Could not mark notifications as read.",
      );
    },
    [state.items, change],
  );

  return {
    items: state.items,
    nextCursor: state.nextCursor,
    status: state.status,
    error: state.error,
    loadingMore: state.loadingMore,
    reload,
    loadMore,
    update,
    markAllRead,
  };
}
