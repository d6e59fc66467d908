// The preference rules as one pure function, so they can be tested over every case without a
// database. Loading rows is resolve.ts's job; this file only decides.
// Client-safe: no server imports.
import type { Channel } from "@/lib/notifications/catalog";

/** One organization on the way from a user's organization up to the root, nearest first. */
export interface OrgLevel {
  id: string;
  name: string;
  /** This organization's setting for the cell; undefined when it has no row. null: inherit. */
  enabled?: boolean | null;
  locked?: boolean;
  /** Whose lock it is: the organization of the admin who set it (this one or one above); this one when absent. */
  lockOwner?: { id: string; name: string };
}

export interface CellRule {
  critical: boolean;
  /** The catalog default for this channel. */
  defaultEnabled: boolean;
}

export interface Decision {
  enabled: boolean;
  locked: boolean;
  source: "default" | "organization" | "user" | "critical";
  sourceOrganizationId?: string;
  sourceName?: string;
  /** The organization whose lock fixes this value (may differ from the source when it locks an inherited value). */
  lockedById?: string;
  lockedByName?: string;
}

/** The value the levels give, searching from `levels[from]` upward; the catalog default if none sets one. */
function inheritedFrom(levels: OrgLevel[], from: number, rule: CellRule): Decision {
  for (let i = from; i < levels.length; i++) {
    const level = levels[i]!;
    if (typeof level.enabled === "boolean") {
      return {
        enabled: level.enabled,
        locked: false,
        source: "organization",
        sourceOrganizationId: level.id,
        sourceName: level.name,
      };
    }
  }
  return { enabled: rule.defaultEnabled, locked: false, source: "default" };
}

/**
 * Effective value of one cell (type × channel) for whoever sits below `levels`:
 * critical in-app → always on; else the topmost lock fixes the value (its own, or what it
 * inherits); else the first defined of: override (the user's choice) → levels nearest first → default.
 */
export function decideCell(params: {
  channel: Channel;
  rule: CellRule;
  levels: OrgLevel[];
  override?: boolean | null;
}): Decision {
  const { channel, rule, levels, override } = params;
  if (rule.critical && channel === "in_app") return { enabled: true, locked: true, source: "critical" };

  // The topmost lock wins: a lock below it could not have been set against it.
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i]!;
    if (level.locked) {
      const owner = level.lockOwner ?? level;
      // A locked value can only have been set or endorsed by the lock's owner (or above), so it
      // reads as theirs even when the row sits on a customer: "Set by Contoso Reseller".
      const value =
        typeof level.enabled === "boolean"
          ? {
              enabled: level.enabled,
              locked: false,
              source: "organization" as const,
              sourceOrganizationId: owner.id,
              sourceName: owner.name,
            }
          : inheritedFrom(levels, i + 1, rule);
      return { ...value, locked: true, lockedById: owner.id, lockedByName: owner.name };
    }
  }
  if (typeof override === "boolean") return { enabled: override, locked: false, source: "user" };
  return inheritedFrom(levels, 0, rule);
}

/** Only the fields of the ingest contract (`ChannelDecision`), for callers that must not leak extras. */
export function toChannelDecision(decision: Decision) {
  const { lockedById: _id, lockedByName: _name, ...rest } = decision;
  return rest;
}
