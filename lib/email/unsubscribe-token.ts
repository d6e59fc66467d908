// Signed unsubscribe tokens: who (a user id, or a plain address from `recipients.emails`), which
// type (or, for a digest's link, which categories) and until when (UNSUBSCRIBE_LINK_DAYS after the email was composed, 60 by default), with an
// HMAC under a key derived from AUTH_SECRET. No login is needed to use one, so the signature is the
// only thing that makes it trustworthy, and the expiry bounds how long a forwarded or leaked email
// can change someone's settings. Tokens from before expiries existed count as expired.
import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { categories, isNotificationType, type Category, type NotificationType } from "@/lib/notifications/catalog";

export type UnsubscribeSubject =
  | { userId: string; type: NotificationType }
  | { address: string; type: NotificationType }
  /** A digest's link: email of these categories for this user. */
  | { userId: string; categories: Category[] };

function key() {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return Buffer.from(hkdfSync("sha256", secret, "notification-center", "unsubscribe-token", 32));
}

const sign = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url");

const DAY_MS = 86_400_000;

export function createUnsubscribeToken(subject: UnsubscribeSubject, now = Date.now()): string {
  const expires = Math.floor((now + env().UNSUBSCRIBE_LINK_DAYS * DAY_MS) / 1000);
  const body =
    "categories" in subject
      ? { u: subject.userId, g: subject.categories }
      : "userId" in subject
        ? { u: subject.userId, t: subject.type }
        : { a: subject.address, t: subject.type };
  const payload = Buffer.from(JSON.stringify({ ...body, x: expires })).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

type TokenCheck =
  | { status: "valid"; subject: UnsubscribeSubject }
  | { status: "expired"; subject: UnsubscribeSubject }
  | { status: "invalid" };

/** Reads a token: valid, signed by us but expired, or invalid (malformed, forged, tampered). */
export function checkUnsubscribeToken(token: string | null | undefined, now = Date.now()): TokenCheck {
  const invalid = { status: "invalid" } as const;
  if (!token || token.length > 2000) return invalid;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return invalid;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
  try {
    const body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      u?: unknown;
      a?: unknown;
      t?: unknown;
      x?: unknown;
      g?: unknown;
    };
    const live = typeof body.x === "number" && body.x * 1000 > now;
    let subject: UnsubscribeSubject;
    if (Array.isArray(body.g) && typeof body.u === "string" && body.u) {
      const digest = body.g.filter((key): key is Category => typeof key === "string" && Object.hasOwn(categories, key));
      if (digest.length === 0 || digest.length !== body.g.length) return invalid;
      subject = { userId: body.u, categories: digest };
    } else {
      if (typeof body.t !== "string" || !isNotificationType(body.t)) return invalid;
      if (typeof body.u === "string" && body.u) subject = { userId: body.u, type: body.t };
      else if (typeof body.a === "string" && body.a) subject = { address: body.a, type: body.t };
      else return invalid;
    }
    return { status: live ? "valid" : "expired", subject };
  } catch {
    return invalid;
  }
}

/** The token's subject, or null when it is malformed, forged or expired. */
export function verifyUnsubscribeToken(token: string | null | undefined, now = Date.now()): UnsubscribeSubject | null {
  const check = checkUnsubscribeToken(token, now);
  return check.status === "valid" ? check.subject : null;
}
