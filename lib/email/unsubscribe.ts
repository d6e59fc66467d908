// One-click unsubscribe (RFC 8058) and its undo. A user token turns off email for that type for
// that user, through the preferences module so the change is in the history (via "unsubscribe");
// a digest's token does the same for every type its categories can list (not the critical ones,
// which are never in a digest, nor locked ones).
// A plain-address token (from `recipients.emails`, no user to hold a preference) suppresses the
// address for every type that is not critical. Critical or organization-locked types cannot be
// turned off here: the page explains and links to the settings instead. Links expire
// (UNSUBSCRIBE_LINK_DAYS): the page then offers the settings after signing in.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { categories, getType, typesInCategory, type NotificationType } from "@/lib/notifications/catalog";
import { alwaysInstantType } from "@/lib/preferences/cadence";
import { changeUserPreferences, listUserPreferences, setUserPreference } from "@/lib/preferences/user-preferences";
import { checkUnsubscribeToken, type UnsubscribeSubject } from "./unsubscribe-token";

export interface UnsubscribeState {
  subject: UnsubscribeSubject;
  /** The type of a single email's link; a digest's link names categories instead (subject.categories). */
  type?: NotificationType;
  label: string;
  /** Email for this type currently reaches this user or address. */
  subscribed: boolean;
  /** Why it cannot be turned off here (critical or locked), or null. */
  blocked: string | null;
  /** For display: the user's email or the plain address. */
  address: string;
}

/** The suppression reason an address-level unsubscribe records (bounces and complaints have their own). */
const UNSUBSCRIBED = "unsubscribed";

/**
 * Whether a suppression stops an email of this type: a bounce or complaint stops every email to
 * the address; an unsubscribe never stops a critical type.
 */
export function suppressionApplies(reason: string, type: string): boolean {
  return reason !== UNSUBSCRIBED || !getType(type)?.critical;
}

/** An unsubscribe link past its lifetime: the page offers the settings after signing in instead. */
export class ExpiredUnsubscribeLinkError extends AppError {
  constructor() {
    super(
      "not_found",
      "This unsubscribe link has expired. Use the link in a more recent email, or sign in and open your notification settings.",
    );
  }
}

export function readToken(token: string | null | undefined): UnsubscribeSubject {
  const check = checkUnsubscribeToken(token);
  if (check.status === "expired") throw new ExpiredUnsubscribeLinkError();
  if (check.status === "invalid")
    throw new AppError("not_found", "This unsubscribe link is not valid. Open your notification settings instead.");
  return check.subject;
}

const criticalMessage = (label: string) =>
  `“${label}” emails are critical: they tell you about problems that need action, so they cannot be turned off from an email link. Your administrator may manage them in the notification settings.`;

/** The types a digest's link covers: what its categories can list in a digest. */
function digestTypes(subject: UnsubscribeSubject): NotificationType[] {
  return "categories" in subject
    ? subject.categories.flatMap(typesInCategory).filter((type) => !alwaysInstantType(type))
    : [];
}

async function digestState(subject: Extract<UnsubscribeSubject, { categories: unknown }>): Promise<UnsubscribeState> {
  const label = `${subject.categories.map((key) => categories[key].label).join(", ")} digest`;
  const user = await db.user.findUnique({ where: { id: subject.userId }, select: { email: true, active: true } });
  if (!user?.active) throw new AppError("not_found", "This unsubscribe link is no longer valid.");
  const types = new Set<string>(digestTypes(subject));
  const cells = (await listUserPreferences(subject.userId)).filter(
    (cell) => cell.channel === "email" && types.has(cell.type),
  );
  const open = cells.filter((cell) => !cell.locked);
  return {
    subject,
    label,
    subscribed: open.some((cell) => cell.enabled),
    blocked:
      open.length === 0
        ? `Your organization's administrator has locked “${label}” emails, so they cannot be turned off here.`
        : null,
    address: user.email,
  };
}

export async function unsubscribeState(token: string | null | undefined): Promise<UnsubscribeState> {
  const subject = readToken(token);
  if ("categories" in subject) return digestState(subject);
  const definition = getType(subject.type)!;
  const base = { subject, type: subject.type, label: definition.label };
  if ("address" in subject) {
    const suppression = await db.emailSuppression.findUnique({ where: { email: subject.address.toLowerCase() } });
    // Critical types reach an unsubscribed address all the same; a bounce or complaint stops them too.
    const blocked = definition.critical ? criticalMessage(definition.label) : null;
    return { ...base, subscribed: !suppression, blocked, address: subject.address };
  }
  const user = await db.user.findUnique({ where: { id: subject.userId }, select: { email: true, active: true } });
  if (!user?.active) throw new AppError("not_found", "This unsubscribe link is no longer valid.");
  const item = (await listUserPreferences(subject.userId)).find(
    (cell) => cell.type === subject.type && cell.channel === "email",
  );
  const blocked = definition.critical
    ? criticalMessage(definition.label)
    : item?.locked
      ? `Your organization's administrator has locked “${definition.label}” emails, so they cannot be turned off here.`
      : null;
  return { ...base, subscribed: item?.enabled ?? false, blocked, address: user.email };
}

/** Turns email off for the token's user and type (or suppresses a plain address). Idempotent. */
export async function unsubscribe(token: string | null | undefined): Promise<UnsubscribeState> {
  const state = await unsubscribeState(token);
  if (state.blocked) throw new AppError("conflict", state.blocked);
  if (!state.subscribed) return state;
  const { subject } = state;
  if ("categories" in subject) {
    await changeUserPreferences({
      userId: subject.userId,
      types: digestTypes(subject),
      channel: "email",
      enabled: false,
      via: "unsubscribe",
      actorId: subject.userId,
      strict: false,
    });
  } else if ("address" in subject) {
    await db.emailSuppression.upsert({
      where: { email: subject.address.toLowerCase() },
      create: { email: subject.address.toLowerCase(), reason: UNSUBSCRIBED },
      update: {},
    });
  } else {
    await setUserPreference({
      userId: subject.userId,
      type: subject.type,
      channel: "email",
      enabled: false,
      via: "unsubscribe",
      actorId: subject.userId,
    });
  }
  return { ...state, subscribed: false };
}

/** Undo: restores what the latest unsubscribe replaced (the user's earlier override or none). */
export async function resubscribe(token: string | null | undefined): Promise<UnsubscribeState> {
  const state = await unsubscribeState(token);
  if (state.blocked) throw new AppError("conflict", state.blocked);
  if (state.subscribed) return state;
  const { subject } = state;
  if ("address" in subject) {
    // Only our own suppression: a bounce or complaint stays.
    await db.emailSuppression.deleteMany({ where: { email: subject.address.toLowerCase(), reason: UNSUBSCRIBED } });
  } else {
    const types = "categories" in subject ? digestTypes(subject) : [subject.type];
    const locked = new Set(
      (await listUserPreferences(subject.userId))
        .filter((cell) => cell.channel === "email" && cell.locked)
        .map((cell) => cell.type),
    );
    for (const type of types.filter((candidate) => !locked.has(candidate))) {
      // A digest's undo touches only the types its unsubscribe turned off.
      await restore(subject.userId, type, "categories" in subject);
    }
  }
  return unsubscribeState(token);
}

/** Back to what the latest unsubscribe of this type replaced: the earlier override, or email on. */
async function restore(userId: string, type: NotificationType, onlyIfUnsubscribed: boolean) {
  if (onlyIfUnsubscribed) {
    const latest = await db.preferenceChange.findFirst({
      where: { userId, type, channel: "email" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    if (latest?.via !== "unsubscribe" || latest.newEnabled !== false) return;
  }
  const last = await db.preferenceChange.findFirst({
    where: { userId, type, channel: "email", via: "unsubscribe", newEnabled: false },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  // With none (or a stale one that was also "off"), to email on.
  const previous = last && last.oldEnabled !== false ? last.oldEnabled : true;
  await setUserPreference({ userId, type, channel: "email", enabled: previous, via: "unsubscribe", actorId: userId });
}
