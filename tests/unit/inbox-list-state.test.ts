import { describe, expect, it } from "vitest";
import { belongsTo, mergeItems, newestFirst, staysIn } from "@/components/notifications/list-state";
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
    const items = [item("a", "2026-11-26T10:00:00.000Z"), item("c", "2026-11-26T10:00:00.000Z"), item("b", "2026-11-26T11:00:00.000Z")];
    expect([...items].sort(newestFirst).map((i) => i.id)).toEqual(["b", "c", "a"]);
  });

  it("merges by id without duplicates, the incoming version winning", () => {
    const held = [item("b", "2026-11-26T11:00:00.000Z"), item("a", "2026-11-26T10:00:00.000Z")];
    const merged = mergeItems(held, [item("a", "2026-11-26T10:00:00.000Z", { readAt: "2026-11-26T12:00:00.000Z" }), item("c", "2026-11-26T12:00:00.000Z")]);
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
});
