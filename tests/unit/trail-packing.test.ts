import { describe, expect, it } from "vitest";
import { packTrail, unpackTrail, type TrailEntry } from "@/lib/notifications/trail";

// resolvePreferences shares one decision object between users who decide alike.
const byDefault = { enabled: true, locked: false, source: "default" } as const;
const admin = (i: number): TrailEntry => ({
  userId: `u_${i}`,
  name: `Admin ${i}`,
  address: `admin${i}@example.com`,
  role: "to",
  via: ["customer.admins"],
  inApp: { decision: "created", notificationId: `n_${i}`, preference: byDefault },
  email: { decision: "queued", deliveryId: `d_${i}`, preference: byDefault },
});

const mixed: TrailEntry[] = [
  admin(1),
  {
    ...admin(2),
    role: "cc",
    email: {
      decision: "suppressed",
      preference: { enabled: false, locked: true, source: "organization", sourceOrganizationId: "res_1" },
    },
  },
  { userId: "u_gone", address: null, role: "to", via: ["explicit"], skipped: "unknown_user" },
  {
    userId: "u_off",
    name: "Off",
    address: "off@example.com",
    role: "to",
    via: ["customer.billing"],
    skipped: "inactive",
  },
  { address: "ops@example.com", role: "to", via: ["explicit_email"], email: { decision: "queued", deliveryId: "d_x" } },
];

describe("stored trail", () => {
  it("reads back exactly what was stored, for every kind of entry", () => {
    expect(unpackTrail(JSON.parse(packTrail(mixed)))).toEqual(mixed);
    expect(unpackTrail(JSON.parse(packTrail([])))).toEqual([]);
  });

  it("stores recipients decided alike as one shape and a short row each", () => {
    const entries = Array.from({ length: 1000 }, (_, i) => admin(i));
    const packed = packTrail(entries);
    expect(JSON.parse(packed).shapes).toHaveLength(1);
    expect(packed.length).toBeLessThan(JSON.stringify(entries).length / 3);
    expect(unpackTrail(JSON.parse(packed))).toEqual(entries);
  });

  it("reads trails stored before packing (a plain array) as they are", () => {
    expect(unpackTrail(mixed)).toEqual(mixed);
    expect(unpackTrail(null)).toEqual([]);
  });
});
