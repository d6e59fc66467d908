// The shapes the preferences API returns and the settings pages render. Client-safe.
import type { Category, Channel, NotificationType } from "@/lib/notifications/catalog";
import type { Rule } from "@/lib/recipient-rules/schemas";

export type PreferenceSource = "default" | "organization" | "user" | "critical";

/** One cell (type × channel) as a user sees it: the effective value and where it comes from. */
export interface PreferenceItem {
  type: NotificationType;
  category: Category;
  channel: Channel;
  enabled: boolean;
  /** True when the user cannot change it: locked by an organization above, or critical in-app. */
  locked: boolean;
  source: PreferenceSource;
  /** The organization whose setting gave the value. */
  sourceName?: string;
  /** The organization whose lock fixes the value. */
  lockedBy?: string;
}

/** One cell as an organization admin sees it for one organization. */
export interface OrganizationSettingItem {
  type: NotificationType;
  category: Category;
  channel: Channel;
  /** Effective value for this organization (what its users get unless they choose). */
  enabled: boolean;
  source: PreferenceSource;
  sourceName?: string;
  /** This organization's own value; null: inherit. */
  setting: boolean | null;
  /** This organization's own lock (organizations and users below cannot override). */
  locked: boolean;
  /** Whose lock that is: the organization of the admin who set it (this one or one above). */
  lockOwner?: string;
  /** What the organization would get without its own setting. */
  inherited: { enabled: boolean; source: PreferenceSource; sourceName?: string };
  /** The lock that keeps the signed-in admin from changing this cell (set above this organization, or here by an admin above them). */
  lockedBy?: string;
  /** Critical in-app cell: always on, cannot be changed by anyone. */
  critical: boolean;
}

/** A cell a bulk (category) change left alone, and why. */
export interface SkippedCell {
  type: NotificationType;
  channel: Channel;
  reason: string;
}

export interface PreferenceChangeEntry {
  id: string;
  at: string;
  actorName: string | null;
  scope: "user" | "organization";
  /** For user changes: whose preference changed. */
  userName?: string;
  type: string;
  typeLabel: string;
  /** null for a recipient rule change (see `rule`). */
  channel: Channel | null;
  old: { enabled: boolean | null; locked: boolean | null };
  new: { enabled: boolean | null; locked: boolean | null };
  /** A recipient rule change: the organization's own rule before and after (null: inherited). */
  rule?: { old: Rule | null; new: Rule | null };
  via: string;
}
