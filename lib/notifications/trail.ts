// The delivery trail of an event, stored with it (Event.trail): one entry per recipient saying how
// they were chosen and what was decided for each channel. It answers "why did (not) X get this?".
import type { AudienceToken } from "@/lib/notifications/catalog";
import type { ChannelDecision } from "@/lib/preferences/resolve";
import type { EffectiveRule, RuleChoice } from "@/lib/recipient-rules/resolve";

/** Tokens; the envelope's recipients; a recipient rule's role, user or address entries. */
export type RecipientSource = AudienceToken | "explicit" | "explicit_email" | "role" | "user" | "email";

/** The recipient rule an event was routed by (stored once with its trail): "no rule names them" names it. */
export type AppliedRule = Omit<EffectiveRule, "locked">;

/** The address field a recipient is in (EmailDelivery.role, the trail's `role`); bcc is email only. */
export type AddressField = "to" | "cc" | "bcc";

export interface TrailEntry {
  /** Platform user id; absent for `recipients.emails` addresses. */
  userId?: string;
  name?: string;
  address: string | null;
  role: AddressField;
  /** Every way this recipient was chosen (deduplicated into one entry). */
  via: RecipientSource[];
  /** The rule entry that put them in their field: whose rule (or the catalog's, or the envelope), field, entry. */
  rule?: RuleChoice;
  /** Why the recipient got nothing at all, when that is the case. */
  skipped?: "inactive" | "unknown_user";
  inApp?: { decision: "created" | "suppressed"; notificationId?: string; preference?: ChannelDecision };
  email?: {
    /** "suppressed": by preference; "no_address": nothing to send to. */
    decision: "queued" | "suppressed" | "no_address";
    deliveryId?: string;
    preference?: ChannelDecision;
    /** Not sent at once: held for the user's quiet hours, or listed in their next digest (lib/delivery-timing). */
    held?: EmailHold;
  };
}

/** Why a queued email waits, and until when (an ISO instant, told on the user's clock in `timezone`). */
export interface EmailHold {
  reason: "quiet_hours" | "digest";
  until: string;
  timezone: string;
  cadence?: "hourly" | "daily";
}

// Stored form. A fan-out to 10,000 admins decided the same way for everyone would repeat the same
// decisions 10,000 times (~5 MB of JSON to send, parse and compress inside the ingest statement),
// so entries are stored as their shared part ("shape") once plus one short row per recipient.
type Row = [
  shape: number,
  userId: string | null,
  name: string | null,
  address: string | null,
  notificationId: string | null,
  deliveryId: string | null,
];
export interface PackedTrail {
  shapes: TrailEntry[];
  rows: Row[];
  applied?: AppliedRule;
}

// What makes entries share a shape: everything but the per-recipient fields. Objects (the
// preference decisions, shared between users who decide alike) count by identity, so the key is
// cheap; equal decisions in distinct objects only make more shapes, never a wrong one.
function shapeKey(entry: Omit<TrailEntry, "userId" | "name" | "address">, objectIds: Map<object, number>) {
  const id = (value: object | undefined) => {
    if (value === undefined) return "";
    let known = objectIds.get(value);
    if (known === undefined) objectIds.set(value, (known = objectIds.size));
    return known;
  };
  const { role, via, skipped, inApp, email, rule, ...rest } = entry;
  const { decision: inAppDecision, notificationId: _n, preference: inAppPreference, ...inAppRest } = inApp ?? {};
  const { decision: emailDecision, deliveryId: _d, preference: emailPreference, held, ...emailRest } = email ?? {};
  // A field added to TrailEntry must be added to the key; until it is, such entries key on all of
  // their content (correct, only less compact).
  if (Object.keys({ ...rest, ...inAppRest, ...emailRest }).length) return JSON.stringify(entry);
  // A rule choice is one object per rule entry, shared by everyone that entry chose.
  return `${role}|${via.join(",")}|${id(rule)}|${skipped ?? ""}|${inApp ? 1 : 0}${inAppDecision ?? ""}|${id(inAppPreference)}|${email ? 1 : 0}${emailDecision ?? ""}|${id(emailPreference)}|${held ? JSON.stringify(held) : ""}`;
}

/** The stored form as JSON text. */
export function packTrail(entries: TrailEntry[], applied?: AppliedRule): string {
  return JSON.stringify(packTrailValue(entries, applied));
}

/** The stored form as a value (ingest embeds it in the JSON of its rows). */
export function packTrailValue(entries: TrailEntry[], applied?: AppliedRule): PackedTrail {
  const shapes: TrailEntry[] = [];
  const shapeIndex = new Map<string, number>();
  const objectIds = new Map<object, number>();
  const rows = entries.map(({ userId, name, address, ...entry }): Row => {
    const key = shapeKey(entry, objectIds);
    let index = shapeIndex.get(key);
    if (index === undefined) {
      const { notificationId: _n, ...inApp } = entry.inApp ?? {};
      const { deliveryId: _d, ...email } = entry.email ?? {};
      const shape = {
        ...entry,
        address: null,
        ...(entry.inApp ? { inApp } : {}),
        ...(entry.email ? { email } : {}),
      } as TrailEntry;
      shapeIndex.set(key, (index = shapes.push(shape) - 1));
    }
    return [
      index,
      userId ?? null,
      name ?? null,
      address,
      entry.inApp?.notificationId ?? null,
      entry.email?.deliveryId ?? null,
    ];
  });
  return { shapes, rows, ...(applied ? { applied } : {}) };
}

/** Event.trail as entries; trails stored before packing (a plain array) are read as they are. */
export function unpackTrail(stored: unknown): TrailEntry[] {
  if (Array.isArray(stored)) return stored as TrailEntry[];
  const packed = stored as Partial<PackedTrail> | null;
  if (!packed?.shapes || !packed.rows) return [];
  const { shapes, rows } = packed as PackedTrail;
  return rows.map(([shape, userId, name, address, notificationId, deliveryId]) => {
    const { inApp, email, ...rest } = shapes[shape]!;
    return {
      ...(userId !== null ? { userId } : {}),
      ...(name !== null ? { name } : {}),
      ...rest,
      address,
      ...(inApp ? { inApp: { ...inApp, ...(notificationId !== null ? { notificationId } : {}) } } : {}),
      ...(email ? { email: { ...email, ...(deliveryId !== null ? { deliveryId } : {}) } } : {}),
    };
  });
}

/** The recipient rule stored with a trail, if any (events stored before recipient rules have none). */
export function appliedRuleOf(stored: unknown): AppliedRule | null {
  if (Array.isArray(stored)) return null;
  return (stored as Partial<PackedTrail> | null)?.applied ?? null;
}
