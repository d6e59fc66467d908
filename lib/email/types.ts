// What every email template receives: the event's data and who it is for. Client-safe (no server
// imports) because the React Email preview bundles the templates on their own.
import type { NotificationData, NotificationType } from "../notifications/catalog";

export interface EmailBrand {
  /** The recipient's reseller, whose name and colours the email carries. */
  name: string;
  logoUrl: string | null;
  /** A CSS colour, e.g. "#2563eb". */
  primaryColor: string;
}

export interface EmailContext {
  brand: EmailBrand;
  /** null for plain addresses from `recipients.emails`. */
  recipientName: string | null;
  role: "to" | "cc";
  /** The footer's "why you got this" sentence. */
  why: string;
  /** The catalog label of the type, e.g. "Order notes". */
  typeLabel: string;
  critical: boolean;
  /** Action button target under PORTAL_BASE_URL; null when the type has no page. */
  actionUrl: string | null;
  settingsUrl: string;
  unsubscribeUrl: string;
}

export interface EmailProps<T extends NotificationType> {
  data: NotificationData<T>;
  context: EmailContext;
}

/** One notification in a digest. */
export interface DigestItem {
  title: string;
  body: string;
  /** Its page under PORTAL_BASE_URL, or null. */
  url: string | null;
  /** When it happened, on the recipient's clock ("Mon 14:05"). */
  time: string;
}

/** A category's notifications in a digest, in catalog order. */
export interface DigestGroup {
  category: string;
  label: string;
  items: DigestItem[];
}

export interface DigestProps {
  /** "Your daily digest" or "Your hourly digest". */
  heading: string;
  /** The period, e.g. "since Monday 08:00 (Europe/Berlin)". */
  period: string;
  groups: DigestGroup[];
  /** The shared layout's context: typeLabel names the digest's categories (its unsubscribe link). */
  context: EmailContext;
}
