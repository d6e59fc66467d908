import { describe, expect, it } from "vitest";
import { belongsTo, mergeItems, newestFirst, reconcile, staysIn } from "@/components/notifications/list-state";
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

describe("inbox list state", () => {
  it("orders newest first with the id breaking ties, like the server's keyset", () => {
    const items = [
      item("a", "2026-11-26T10:00:00.000Z"),
      item("c", "2026-11-26T10:00:00.000Z"),
      item("b", "2026-11-26T11:00:00.000Z"),
    ];
    expect([...items].sort(newestFirst).map((i) => i.id)).toEqual(["b", "c", "a"]);
  });

  it("merges by id without duplicates, the incoming version winning", () => {
    const held = [item("b", "2026-11-26T11:00:00.000Z"), item("a", "2026-11-26T10:00:00.000Z")];
    const merged = mergeItems(held, [
      item("a", "2026-11-26T10:00:00.000Z", { readAt: "2026-11-26T12:00:00.000Z" }),
      item("c", "2026-11-26T12:00:00.000Z"),
    ]);
    expect(merged.map((i) => i.id)).toEqual(["c", "b", "a"]);
    expect(merged[2]!.readAt).not.toBeNull();
  });

  it("knows which items belong to and stay in a view", () => {
    const read = item("r", "2026-11-26T10:00:00.000Z", { readAt: "2026-11-26T10:01:00.000Z" });
    const archived = item("x", "2026-11-26T10:00:00.000Z", { archivedAt: "2026-11-26T10:01:00.000Z" });
    expect(belongsTo(read, { status: "unread" })).toBe(false);
    expect(staysIn(read, { status: "unread" })).toBe(true);
    expect(belongsTo(archived, { status: "all" })).toBe(false);
    expect(belongsTo(archived, { status: "archived" })).toBe(true);
    expect(belongsTo(read, { status: "all", category: "quotes" })).toBe(false);
    expect(belongsTo(read, { status: "all", category: "orders" })).toBe(true);
  });

  describe("catch-up after a reconnect", () => {
    const at = (minute: number) => `2026-11-26T10:${String(minute).padStart(2, "0")}:00.000Z`;
    const none = () => false;

    it("adds what arrived, takes the server's state in the fetched range and keeps older items", () => {
      const held = {
        items: [item("gone", at(6)), item("m5", at(5)), item("m4", at(4)), item("m1", at(1))],
        nextCursor: "c1",
      };
      const fetched = {
        items: [item("m7", at(7)), item("m5", at(5), { readAt: at(8) }), item("m4", at(4))],
        nextCursor: "c2",
        overlap: true,
      };
      const result = reconcile(held, fetched, none, { status: "all" });
      // "gone" (archived elsewhere) is inside the fetched range and missing from it; m1 is older.
      expect(result.items.map((i) => i.id)).toEqual(["m7", "m5", "m4", "m1"]);
      expect(result.items[1]!.readAt).toBe(at(8));
      expect(result.nextCursor).toBe("c1");
    });

    it("keeps local changes made after the fetch started", () => {
      const held = { items: [item("live", at(9)), item("m5", at(5), { readAt: at(9) })], nextCursor: null };
      const fetched = { items: [item("m5", at(5))], nextCursor: null, overlap: true };
      const result = reconcile(held, fetched, (id) => id === "live" || id === "m5", { status: "all" });
      expect(result.items.map((i) => [i.id, i.readAt])).toEqual([
        ["live", null],
        ["m5", at(9)],
      ]);
    });

    it("starts over when the fetched pages never reach what it holds", () => {
      const held = { items: [item("old", at(1))], nextCursor: "c-old" };
      const fetched = { items: [item("n2", at(9)), item("n1", at(8))], nextCursor: "c-new", overlap: false };
      expect(reconcile(held, fetched, none, { status: "all" })).toEqual({ items: fetched.items, nextCursor: "c-new" });
    });
  });
});
