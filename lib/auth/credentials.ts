// Email + password sign-in, hardened: attempts are counted before the password is checked, in
// counters every instance shares (lib/throttle.ts), so parallel guesses cannot pass the limit;
// the limits are per account *and address* (five guesses) and per address (thirty), never per
// account alone, so nobody can lock the real owner out from elsewhere. Unknown emails cost the
// same scrypt work as real ones, and hashes made with older parameters are upgraded on sign-in.
import { db } from "@/lib/db";
import { hashPassword, needsRehash, verifyDummyPassword, verifyPassword } from "@/lib/auth/password";
import { throttleHit, throttleRefund, type ThrottleRule } from "@/lib/throttle";

const WINDOW_MS = 15 * 60_000;
const SIGN_IN_LIMITS = {
  accountAndAddress: { limit: 5, windowMs: WINDOW_MS },
  address: { limit: 30, windowMs: WINDOW_MS },
} satisfies Record<string, ThrottleRule>;

class SignInError extends Error {}

export async function checkCredentials({
  email,
  password,
  address,
}: {
  email: string;
  password: string;
  address: string;
}) {
  const keys = [`sign-in:${email}|${address}`, `sign-in:${address}`];
  const [pair, perAddress] = await Promise.all([
    throttleHit(keys[0]!, SIGN_IN_LIMITS.accountAndAddress),
    throttleHit(keys[1]!, SIGN_IN_LIMITS.address),
  ]);
  const refund = () => Promise.all(keys.map(throttleRefund));
  const blocked = [pair, perAddress].find((result) => !result.ok);
  if (blocked) {
    // Not checked, so not counted: the counters stay at the number of attempts really checked.
    await refund();
    const minutes = Math.ceil(blocked.retryAfterSeconds / 60);
    throw new SignInError(`Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const user = email ? await db.user.findUnique({ where: { email } }) : null;
  const valid = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : await verifyDummyPassword(password);
  if (!user || !valid || !user.active) throw new SignInError("Wrong email or password.");
  await refund();
  if (needsRehash(user.passwordHash!)) {
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  }
  return user;
}
