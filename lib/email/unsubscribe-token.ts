// Signed unsubscribe tokens: who (a user id, or a plain address from `recipients.emails`) and which
// type, with an HMAC under a key derived from AUTH_SECRET. No login is needed to use one, so the
// signature is the only thing that makes it trustworthy.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { isNotificationType, type NotificationType } from "@/lib/notifications/catalog";

export type UnsubscribeSubject =
  { userId: string; type: NotificationType } | { address: string; type: NotificationType };

function key() {
  const secret = env().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return Buffer.from(hkdfSync("sha256", secret, "notification-center", "unsubscribe-token", 32));
}

const sign = (payload: string) => createHmac("sha256", key()).update(payload).digest("base64url");

export function createUnsubscribeToken(subject: UnsubscribeSubject): string {
  const body = "userId" in subject ? { u: subject.userId, t: subject.type } : { a: subject.address, t: subject.type };
  const payload = Buffer.from(JSON.stringify(body)).toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** The token's subject, or null when it is malformed or its signature does not match. */
export function verifyUnsubscribeToken(token: string | null | undefined): UnsubscribeSubject | null {
  if (!token || token.length > 2000) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      u?: unknown;
      a?: unknown;
      t?: unknown;
    };
    if (typeof body.t !== "string" || !isNotificationType(body.t)) return null;
    if (typeof body.u === "string" && body.u) return { userId: body.u, type: body.t };
    if (typeof body.a === "string" && body.a) return { address: body.a, type: body.t };
    return null;
  } catch {
    return null;
  }
}
