// Subject and preheader of a type's email: written in its definition (lib/notifications/types/,
// `email`), beside its in-app text. Client-safe: templates import the preheader from here, the
// sender the subject.
import { catalog, type NotificationData, type NotificationType } from "../notifications/catalog";
import type { EmailCopy } from "../notifications/define";

const copyOf = <T extends NotificationType>(type: T) => catalog[type].email as EmailCopy<NotificationData<T>>;

export function subjectFor<T extends NotificationType>(type: T, data: NotificationData<T>): string {
  return copyOf(type).subject(data);
}

export function preheaderFor<T extends NotificationType>(type: T, data: NotificationData<T>): string {
  return copyOf(type).preheader(data);
}
