// Passwords are hashed with scrypt (memory-hard, built into Node): no native dependency to install.
// Cost N = 2^17, r = 8, p = 1 (OWASP's recommendation: 128 MiB and a few hundred ms per hash).
// Hashes store their parameters, so older, cheaper hashes still verify and are replaced by the
// caller on the next successful sign-in (needsRehash).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

const params = { N: 2 ** 17, r: 8, p: 1 };
const keyLength = 32;
// scrypt needs 128 · N · r bytes; Node refuses anything above maxmem (32 MiB by default).
const MAX_N = 2 ** 20;
const maxmem = (options: ScryptOptions) =>
  128 * (options.N ?? 0) * (options.r ?? 8) * (options.p ?? 1) + 16 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, keyLength, { ...options, maxmem: maxmem(options) }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  // A stored hash is trusted input, but a corrupt one must not make us allocate gigabytes.
  if (!(options.N >= 2 && options.N <= MAX_N && options.r <= 32 && options.p <= 16)) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password, Buffer.from(salt, "base64url"), options);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** True when the hash was made with weaker parameters than today's. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split("$");
  return scheme !== "scrypt" || Number(n) < params.N || Number(r) < params.r || Number(p) < params.p;
}

// A hash of a random password, made once: checking an unknown email against it costs the same
// time as checking a real account, so the answer's timing does not tell which emails exist.
let dummy: Promise<string> | undefined;
export async function verifyDummyPassword(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(16).toString("base64url"));
  await verifyPassword(password, await dummy);
  return false;
}
