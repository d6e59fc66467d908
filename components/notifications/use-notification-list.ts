"use client";

// A live list of notifications for one view (tab + category): first page from the server or
// fetched on mount, keyset "load more", realtime merging by id, catch-up after reconnects, and
// optimistic read/archive with rollback. Counts are refetched from the server after each change.
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import type { NotificationItem } from "@/lib/notifications/item";
import { fetchPage, patchNotification, postReadAll, type InboxPage } from "@/components/notifications/api";
import { belongsTo, mergeItems, reconcile, staysIn, type ListView } from "@/components/notifications/list-state";
import type { RealtimeSignal } from "@/components/notifications/realtime-provider";
import { useRealtime, useRealtimeSignal } from "@/components/notifications/use-realtime";

// After a reconnect, fetch pages from the top until one overlaps what we hold; past this many
// pages, start over from the fresh first pages instead of leaving a hole in the middle.
const MAX_CATCH_UP_PAGES = 5;

export interface ListState {
  items: NotificationItem[];
  nextCursor: string | null;
  status: "loading" | "ready" | "error";
  error: string | null;
  loadingMore: boolean;
}

export function useNotificationList(view: ListView, options: { initial?: InboxPage; limit?: number } = {}) {
  const { publish, refreshCount } = useRealtime();
  const limit = options.limit ?? 20;
  const [state, setState] = useState<ListState>(() => ({
    items: options.initial?.items ?? [],
    nextCursor: options.initial?.nextCursor ?? null,
    status: options.initial ? "ready" : "loading",
    error: null,
    loadingMore: false,
  }));
  const current = useRef(state);
  current.current = state;
  const syncing = useRef(false);
  const again = useRef(false);
  // Ids with a change in flight: a catch-up that read the server before the change committed
  // must not undo the optimistic state.
  const pending = useRef(new Map<string, number>());
  // Per id, the sequence number of the last realtime or local change applied; a catch-up keeps
  // local state for ids changed after it started fetching (its response may predate them).
  const sequence = useRef(0);
  const changedAt = useRef(new Map<string, number>());
  const track = (ids: string[], delta: 1 | -1) => {
    for (const id of ids) {
      const n = (pending.current.get(id) ?? 0) + delta;
      if (n > 0) pending.current.set(id, n);
      else pending.current.delete(id);
    }
  };

  const reload = useCallback(async () => {
    setState((s) => ({ ...s, status: "loading", error: null }));
    try {
      const page = await fetchPage({ ...view, limit });
      setState({ items: page.items, nextCursor: page.nextCursor, status: "ready", error: null, loadingMore: false });
    } catch (error) {
      setState((s) => ({ ...s, status: "error", error: (error as Error).message }));
    }
  }, [view.status, view.category, limit]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!options.initial) void reload();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // Set at once, not on the next render: a click and the end scrolling into view may both ask.
  const loadingMore = useRef(false);
  /** Appends the next page; true when it brought items. */
  const loadMore = useCallback(async (): Promise<boolean> => {
    const { nextCursor } = current.current;
    if (!nextCursor || loadingMore.current) return false;
    loadingMore.current = true;
    setState((s) => ({ ...s, loadingMore: true }));
    try {
      const page = await fetchPage({ ...view, cursor: nextCursor, limit });
      setState((s) => ({
        ...s,
        items: mergeItems(s.items, page.items),
        nextCursor: page.nextCursor,
        loadingMore: false,
      }));
      return page.items.length > 0;
    } catch (error) {
      setState((s) => ({ ...s, loadingMore: false }));
      toast.error(`Could not load more notifications. ${(error as Error).message}`);
      return false;
    } finally {
      loadingMore.current = false;
    }
  }, [view.status, view.category, limit]); // eslint-disable-line react-hooks/exhaustive-deps

  const catchUp = useCallback(async (): Promise<void> => {
    // A resync asked for while one runs is run again afterwards, not dropped.
    if (syncing.current) return void (again.current = true);
    if (current.current.status !== "ready") return void reload();
    syncing.current = true;
    const startedAt = sequence.current;
    try {
      const held = new Set(current.current.items.map((item) => item.id));
      const fetched: NotificationItem[] = [];
      let cursor: string | null = null;
      let overlap = held.size === 0;
      for (let pages = 0; pages < MAX_CATCH_UP_PAGES; pages++) {
        const page: InboxPage = await fetchPage({ ...view, cursor, limit });
        fetched.push(...page.items);
        cursor = page.nextCursor;
        if (page.items.some((item) => held.has(item.id))) overlap = true;
        if (overlap || !cursor) break;
      }
      const keepLocal = (id: string) => pending.current.has(id) || (changedAt.current.get(id) ?? 0) > startedAt;
      setState((s) => ({ ...s, ...reconcile(s, { items: fetched, nextCursor: cursor, overlap }, keepLocal, view) }));
    } catch {
      // Offline again: the next reconnect tries again.
    } finally {
      syncing.current = false;
    }
    if (again.current) {
      again.current = false;
      return catchUp();
    }
  }, [view.status, view.category, limit, reload]); // eslint-disable-line react-hooks/exhaustive-deps

  useRealtimeSignal((signal: RealtimeSignal) => {
    if (signal.kind === "resync") return void catchUp();
    if (signal.kind === "new") {
      changedAt.current.set(signal.item.id, ++sequence.current);
      if (belongsTo(signal.item, view)) setState((s) => ({ ...s, items: mergeItems(s.items, [signal.item]) }));
      return;
    }
    if (signal.kind === "updated") {
      changedAt.current.set(signal.id, ++sequence.current);
      setState((s) => {
        const held = s.items.find((item) => item.id === signal.id);
        const base = held ?? signal.item;
        if (!base) return s;
        const next = { ...base, readAt: signal.readAt, archivedAt: signal.archivedAt };
        if (!held) return belongsTo(next, view) ? { ...s, items: mergeItems(s.items, [next]) } : s;
        const items = staysIn(next, view)
          ? mergeItems(s.items, [next])
          : s.items.filter((item) => item.id !== signal.id);
        return { ...s, items };
      });
      return;
    }
    if (signal.kind === "count" && signal.count === 0) {
      // Nothing unread anywhere: whatever we show that is not archived has been read elsewhere.
      const now = new Date().toISOString();
      setState((s) => ({
        ...s,
        items: s.items.map((item) => (item.readAt || item.archivedAt ? item : { ...item, readAt: now })),
      }));
    }
  });

  /** Publishes a state change to every list in this tab (this one included). */
  const apply = useCallback(
    (item: NotificationItem) =>
      publish({ kind: "updated", id: item.id, readAt: item.readAt, archivedAt: item.archivedAt, item }),
    [publish],
  );

  const update = useCallback(
    async (item: NotificationItem, change: { read?: boolean; archived?: boolean }) => {
      const now = new Date().toISOString();
      track([item.id], 1);
      apply({
        ...item,
        ...(change.read !== undefined ? { readAt: change.read ? (item.readAt ?? now) : null } : {}),
        ...(change.archived !== undefined ? { archivedAt: change.archived ? (item.archivedAt ?? now) : null } : {}),
      });
      try {
        apply(await patchNotification(item.id, change));
      } catch (error) {
        apply(item);
        toast.error(`Could not update “${item.title}”. ${(error as Error).message}`);
      } finally {
        track([item.id], -1);
        void refreshCount();
      }
    },
    [apply, refreshCount],
  );

  const markAllRead = useCallback(
    async (category?: string | null) => {
      const now = new Date().toISOString();
      const affected = current.current.items.filter(
        (item) => !item.readAt && !item.archivedAt && (!category || item.category === category),
      );
      track(
        affected.map((item) => item.id),
        1,
      );
      affected.forEach((item) => apply({ ...item, readAt: now }));
      try {
        await postReadAll(category);
      } catch (error) {
        affected.forEach(apply);
        toast.error(`Could not mark notifications as read. ${(error as Error).message}`);
      } finally {
        track(
          affected.map((item) => item.id),
          -1,
        );
        void refreshCount();
      }
    },
    [apply, refreshCount],
  );

  return { ...state, reload, loadMore, update, markAllRead };
}
