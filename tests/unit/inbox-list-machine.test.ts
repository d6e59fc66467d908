import { describe, expect, it } from "vitest";
import { initialListState, reduceList, type ListEvent, type ListState } from "@/components/notifications/list-machine";
import type { ListView } from "@/components/notifications/list-state";
import type { NotificationItem } from "@/lib/notifications/item";

const item = (id: string, createdAt: string, extra: Partial<NotificationItem> = {}): NotificationItem => ({
  id,
  eventId: `evt_${id}`,
  type: "order.provisioning_details",
  category: "orders",
  title: id,
  body: "",
  url: null,
  createdAt,
  readAt: null,
  archivedAt: null,
  critical: false,
  reason: "",
  ...extra,
});

const run = (view: ListView, state: ListState, ...events: ListEvent[]) =>
  events.reduce((current, event) => reduceList(current, event, view), state);
const ids = (state: ListState) => state.items.map((i) => i.id);
const all: ListView = { status: "all" };

const a = item("a", "2026-11-26T10:00:00.000Z");
const b = item("b", "2026-11-26T11:00:00.000Z");
const c = item("c", "2026-11-26T12:00:00.000Z");

describe("inbox list state machine", () => {
  it("loads the first page once, dropping the answer of a load asked for earlier", () => {
    let state = run(all, initialListState());
    expect(state.status).toBe("loading");
    state = run(all, state, { type: "load requested" });
    state = run(all, state, { type: "page loaded", load: 0, page: { items: [a], nextCursor: null } });
    expect(state.status).toBe("loading");
    state = run(all, state, { type: "page loaded", load: 1, page: { items: [b, a], nextCursor: "x" } });
    expect(state).toMatchObject({ status: "ready", nextCursor: "x" });
    expect(ids(state)).toEqual(["b", "a"]);
  });

  it("a resync while a catch-up runs runs one more afterwards; a failed catch-up keeps the list", () => {
    let state = run(all, initialListState({ items: [a], nextCursor: null }), { type: "resync requested" });
    expect(state.sync).toBe("wanted");
    state = run(all, state, { type: "catch-up started" }, { type: "resync requested" });
    expect(state.sync).toBe("again");
    state = run(all, state, { type: "catch-up failed" });
    expect(state.sync).toBe("wanted");
    state = run(all, state, { type: "catch-up started" });
    state = run(all, state, { type: "catch-up fetched", fetched: { items: [b, a], nextCursor: null, overlap: true } });
    expect(state.sync).toBe("idle");
    expect(ids(state)).toEqual(["b", "a"]);
  });

  it("a resync before the first page arrives loads the first page again", () => {
    const state = run(all, initialListState(), { type: "resync requested" });
    expect(state).toMatchObject({ status: "loading", load: 1, sync: "idle" });
  });

  it("a catch-up does not undo a change made here after it started, nor one still in flight", () => {
    const at = "2026-11-26T13:00:00.000Z";
    let state = run(all, initialListState({ items: [b, a], nextCursor: null }), { type: "resync requested" });
    state = run(
      all,
      state,
      { type: "catch-up started" },
      // Read here meanwhile (pushed from another tab); read here with its request still running.
      { type: "item changed", change: { id: "b", readAt: at, archivedAt: null } },
      { type: "change started", ids: ["a"] },
      { type: "item changed", change: { id: "a", readAt: at, archivedAt: null } },
      // The server's answer predates both.
      { type: "catch-up fetched", fetched: { items: [c, b, a], nextCursor: null, overlap: true } },
    );
    expect(ids(state)).toEqual(["c", "b", "a"]);
    expect(state.items.map((i) => i.readAt)).toEqual([null, at, at]);
    state = run(all, state, { type: "change settled", ids: ["a"] });
    expect(state.pending).toEqual({});
  });

  it("pushed items join the views they belong to, merged by id", () => {
    const state = initialListState({ items: [a], nextCursor: null });
    expect(ids(run(all, state, { type: "item pushed", item: b }, { type: "item pushed", item: b }))).toEqual([
      "b",
      "a",
    ]);
    expect(
      ids(
        run({ status: "archived" }, initialListState({ items: [], nextCursor: null }), {
          type: "item pushed",
          item: b,
        }),
      ),
    ).toEqual([]);
  });

  it("a changed item leaves the views it no longer belongs to, and joins one it now does", () => {
    const archivedAt = "2026-11-26T13:00:00.000Z";
    const held = initialListState({ items: [b, a], nextCursor: null });
    expect(ids(run(all, held, { type: "item changed", change: { id: "b", readAt: null, archivedAt } }))).toEqual(["a"]);
    const archived = run({ status: "archived" }, initialListState({ items: [], nextCursor: null }), {
      type: "item changed",
      change: { id: "b", readAt: null, archivedAt, item: b },
    });
    expect(ids(archived)).toEqual(["b"]);
    // Without the item, a list that does not hold it cannot add it.
    expect(
      ids(
        run(all, initialListState({ items: [], nextCursor: null }), {
          type: "item changed",
          change: { id: "b", readAt: null, archivedAt: null },
        }),
      ),
    ).toEqual([]);
  });

  it("a snoozed item leaves every tab for Snoozed, and its return leaves Snoozed for the top of All", () => {
    const snoozedUntil = "2026-11-27T09:00:00.000Z";
    const snooze = { id: "a", readAt: null, archivedAt: null, snoozedUntil, item: a };
    expect(
      ids(run(all, initialListState({ items: [b, a], nextCursor: null }), { type: "item changed", change: snooze })),
    ).toEqual(["b"]);
    const snoozed: ListView = { status: "snoozed" };
    let waiting = run(snoozed, initialListState({ items: [], nextCursor: null }), {
      type: "item changed",
      change: snooze,
    });
    expect(waiting.items).toEqual([{ ...a, snoozedUntil }]);
    // Back: pushed as new, unread, created now.
    const back = { ...a, createdAt: "2026-11-27T09:00:01.000Z" };
    waiting = run(snoozed, waiting, { type: "item pushed", item: back });
    expect(ids(waiting)).toEqual([]);
    expect(
      ids(run(all, initialListState({ items: [c, b], nextCursor: null }), { type: "item pushed", item: back })),
    ).toEqual(["a", "c", "b"]);
    // Un-snoozed by hand: the tab that did not hold it shows it again, in its place.
    const unsnooze = { id: "a", readAt: null, archivedAt: null, snoozedUntil: null, item: { ...a, snoozedUntil } };
    expect(
      ids(run(all, initialListState({ items: [c, b], nextCursor: null }), { type: "item changed", change: unsnooze })),
    ).toEqual(["c", "b", "a"]);
  });

  it("a count of zero from elsewhere marks what is shown as read", () => {
    const at = "2026-11-26T14:00:00.000Z";
    const state = run(all, initialListState({ items: [b, a], nextCursor: null }), { type: "all read elsewhere", at });
    expect(state.items.map((i) => i.readAt)).toEqual([at, at]);
  });

  it("appends the next page after what it holds", () => {
    let state = run(all, initialListState({ items: [c, b], nextCursor: "b" }), { type: "more started" });
    expect(state.loadingMore).toBe(true);
    state = run(all, state, { type: "more loaded", page: { items: [a], nextCursor: null } });
    expect(state).toMatchObject({ loadingMore: false, nextCursor: null });
    expect(ids(state)).toEqual(["c", "b", "a"]);
  });
});
