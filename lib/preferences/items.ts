// The shapes the preferences API returns and the settings pages render. Client-safe.
import type { Category, Channel, NotificationType } from "@/lib/notifications/catalog";
import type { Rule } from "@/lib/recipient-rules/schemas";
import type { Cadence, QuietDays } from "@/lib/delivery-timing/windows";

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
  /** A cadence change (type is the category): before and after (null: inherited). */
  cadence?: { old: Cadence | null; new: Cadence | null };
  via: string;
}

/** A category's email cadence as a user sees it (`GET /api/preferences/delivery`). */
export interface CadenceItem {
  category: Category;
  cadence: Cadence;
  /** Locked by an organization above: the user cannot change it. */
  locked: boolean;
  source: "default" | "organization" | "user";
  sourceName?: string;
  lockedBy?: string;
  /** Labels of the category's critical types: always sent at once, whatever the cadence. */
  alwaysInstant: string[];
}

/** A category's cadence as an organization admin sees it for one organization. */
export interface OrganizationCadenceItem {
  category: Category;
  /** Effective for this organization. */
  cadence: Cadence;
  source: "default" | "organization";
  sourceName?: string;
  /** This organization's own value; null: inherit. */
  setting: Cadence | null;
  locked: boolean;
  lockOwner?: string;
  inherited: { cadence: Cadence; source: "default" | "organization"; sourceName?: string };
  /** The lock that keeps the signed-in admin from changing it. */
  lockedBy?: string;
  alwaysInstant: string[];
}

/** When a user's email may arrive, as the settings page shows and edits it. */
export interface ScheduleView {
  /** "08:00": the daily digest's time. */
  digestTime: string;
  quietHours: { start: string; end: string; days: QuietDays } | null;
  /** The user's timezone (the times above are on this clock). */
  timezone: string;
}
