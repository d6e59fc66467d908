// The cadence rules as one pure function: the same inheritance and locks as decideCell
// (decide.ts), for a category's email cadence instead of a cell's on/off. Client-safe.
import type { Cadence } from "@/lib/delivery-timing/windows";

/** One organization on the way from a user's organization up to the root, nearest first. */
export interface CadenceLevel {
  id: string;
  name: string;
  /** This organization's cadence; undefined or null: inherit. */
  cadence?: Cadence | null;
  locked?: boolean;
  /** Whose lock it is (this organization or one above); this one when absent. */
  lockOwner?: { id: string; name: string };
}

export interface CadenceDecision {
  cadence: Cadence;
  locked: boolean;
  source: "default" | "organization" | "user";
  sourceOrganizationId?: string;
  sourceName?: string;
  lockedById?: string;
  lockedByName?: string;
}

/** Without any setting, email goes out at once. */
export const DEFAULT_CADENCE: Cadence = "instant";

function inheritedFrom(levels: CadenceLevel[], from: number): CadenceDecision {
  for (let i = from; i < levels.length; i++) {
    const level = levels[i]!;
    if (level.cadence) {
      return {
        cadence: level.cadence,
        locked: false,
        source: "organization",
        sourceOrganizationId: level.id,
        sourceName: level.name,
      };
    }
  }
  return { cadence: DEFAULT_CADENCE, locked: false, source: "default" };
}

/**
 * The topmost lock fixes the cadence (its own, or what it inherits); else the first defined of:
 * the user's choice → the levels nearest first → instant.
 */
export function decideCadence(params: { levels: CadenceLevel[]; override?: Cadence | null }): CadenceDecision {
  const { levels, override } = params;
  for (let i = levels.length - 1; i >= 0; i--) {
    const level = levels[i]!;
    if (level.locked) {
      const owner = level.lockOwner ?? level;
      const value: CadenceDecision = level.cadence
        ? {
            cadence: level.cadence,
            locked: false,
            source: "organization",
            sourceOrganizationId: owner.id,
            sourceName: owner.name,
          }
        : inheritedFrom(levels, i + 1);
      return { ...value, locked: true, lockedById: owner.id, lockedByName: owner.name };
    }
  }
  if (override) return { cadence: override, locked: false, source: "user" };
  return inheritedFrom(levels, 0);
}
