// The delivery trail of an event, stored with it (Event.trail): one entry per recipient saying how
// they were chosen and what was decided for each channel. It answers "why did (not) X get this?".
import type { AudienceToken } from "@/lib/notifications/catalog";
import type { ChannelDecision } from "@/lib/preferences/resolve";

export type RecipientSource = AudienceToken | "explicit" | "explicit_email";

export interface TrailEntry {
  /** Platform user id; absent for `recipients.emails` addresses. */
  userId?: string;
  name?: string;
  address: string | null;
  role: "to" | "cc";
  /** Every way this recipient was chosen (deduplicated into one entry). */
  via: RecipientSource[];
  /** Why the recipient got nothing at all, when that is the case. */
  skipped?: "inactive" | "unknown_user";
  inApp?: { decision: "created" | "suppressed"; notificationId?: string; preference?: ChannelDecision };
  email?: {
    /** "suppressed": by preference; "no_address": nothing to send to. */
    decision: "queued" | "suppressed" | "no_address";
    deliveryId?: string;
    preference?: ChannelDecision;
  };
}
