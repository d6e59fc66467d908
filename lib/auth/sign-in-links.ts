// One-time sign-in links: how the marketplace portal hands its users over. The token is random,
// stored only as a SHA-256 hash, valid for 10 minutes and usable once.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const LIFETIME_MS = 10 * 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSignInLink(userId: string) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + LIFETIME_MS);
  await db.signInToken.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { url: `${env().APP_URL}/sign-in/link?token=${token}`, expiresAt };
}

/** The user a valid, unused link would sign in, without using it up (for the confirm page). */
export async function peekSignInLink(token: string) {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const record = await db.signInToken.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
    select: { user: { select: { id: true, name: true, email: true, active: true } } },
  });
  return record?.user.active ? record.user : null;
}

/** Marks the token used and returns its user, or null when it is unknown, expired, used or the user inactive. */
export async function consumeSignInLink(token: string) {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  // The conditional update is atomic: two concurrent uses of one link cannot both succeed.
  const claimed = await db.signInToken.updateMany({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) return null;
  const record = await db.signInToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  return record?.user.active ? record.user : null;
}
