// Password sign-in against an attacker: attempts are counted atomically in Postgres before any
// password is checked (so 30 parallel guesses check at most 5, whichever instance they reach),
// per account *and* address, so the owner elsewhere is never locked out; unknown emails cost the
// same as known ones; old, cheaper hashes are upgraded on sign-in. The provider is NextAuth's
// own credentials provider, called as NextAuth calls it, with the client address our server sets.
import { randomBytes, scryptSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { verifyPassword } from "@/lib/auth/password";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "@/lib/client-address";
import { db } from "@/lib/db";
import { resetDatabase } from "../support/integration";

beforeAll(() => resetDatabase());

const provider = authOptions.providers.find((p) => (p.options as { id?: string } | undefined)?.id === "credentials")!;
const authorize = (email: string, password: string, address: string, extraHeaders: Record<string, string> = {}) =>
  (provider.options as { authorize: (c: Record<string, string>, req: unknown) => Promise<{ id: string }> }).authorize(
    { email, password },
    { headers: { ...extraHeaders, [CLIENT_ADDRESS_HEADER]: address } },
  );
/** The outcome as the sign-in form would show it. */
const attempt = (email: string, password: string, address: string, extra?: Record<string, string>) =>
  authorize(email, password, address, extra).then(
    (user) => `signed in as ${user.id}`,
    (error: Error) => error.message,
  );

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe("sign-in throttling", () => {
  it("30 parallel wrong passwords for one account check at most 5; the owner elsewhere still signs in", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        attempt("alice@adatum.example", `guess-${i}`, "203.0.113.10", { "x-forwarded-for": `198.51.100.${i}` }),
      ),
    );
    const checked = outcomes.filter((o) => o === "Wrong email or password.").length;
    const refused = outcomes.filter((o) => o.startsWith("Too many failed attempts")).length;
    expect(checked).toBe(5);
    expect(refused).toBe(25);
    // The attacker's address stays refused, even with the right password or another forwarded-for.
    expect(
      await attempt("alice@adatum.example", "demo1234", "203.0.113.10", { "x-forwarded-for": "192.0.2.99" }),
    ).toMatch(/^Too many failed attempts\. Try again in 1[45] minutes\.$/);
    // Alice, from her own address, is not locked out.
    expect(await attempt("alice@adatum.example", "demo1234", "203.0.113.20")).toBe("signed in as u_alice");
    // The counters are shared rows, the same for every instance.
    const row = await db.throttle.findUniqueOrThrow({ where: { key: "sign-in:alice@adatum.example|203.0.113.10" } });
    expect(row.count).toBe(5);
  });

  it("an address guessing across many accounts is stopped after 30 failures, for every account", async () => {
    const address = "203.0.113.30";
    for (let round = 0; round < 6; round++) {
      const outcomes = await Promise.all(
        Array.from({ length: 5 }, (_, i) => attempt(`nobody${round}-${i}@example.com`, "x", address)),
      );
      expect(outcomes).toEqual(Array(5).fill("Wrong email or password."));
    }
    expect(await attempt("ben@adatum.example", "demo1234", address)).toMatch(/^Too many failed attempts/);
    expect(await attempt("ben@adatum.example", "demo1234", "203.0.113.31")).toBe("signed in as u_ben");
  });

  it("a successful sign-in does not count against the address", async () => {
    const address = "203.0.113.40";
    for (let i = 0; i < 8; i++)
      expect(await attempt("mia@adatum.example", "demo1234", address)).toBe("signed in as u_mia");
    expect(await db.throttle.findUnique({ where: { key: `sign-in:${address}` } })).toMatchObject({ count: 0 });
  });

  it("answers an unknown email as slowly as a known one (medians of several attempts)", async () => {
    const timed = async (email: string, address: string) => {
      const start = performance.now();
      expect(await attempt(email, "wrong password", address)).toBe("Wrong email or password.");
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, each from its own address, so load on the machine hits both alike.
    for (let i = 0; i < 5; i++) {
      known.push(await timed("liam@litware.example", `203.0.113.${50 + i}`));
      unknown.push(await timed(`ghost${i}@litware.example`, `203.0.113.${60 + i}`));
    }
    const ratio = median(unknown) / median(known);
    expect(ratio, `unknown ${median(unknown).toFixed(0)} ms vs known ${median(known).toFixed(0)} ms`).toBeGreaterThan(
      0.5,
    );
    expect(ratio).toBeLessThan(2);
  });

  it("upgrades a hash made with the old cost (2^14) on the next sign-in", async () => {
    const salt = randomBytes(16);
    const old = scryptSync("old-password", salt, 32, { N: 16384, r: 8, p: 1 });
    const oldHash = `scrypt$16384$8$1$${salt.toString("base64url")}$${old.toString("base64url")}`;
    await db.user.update({ where: { id: "u_tom" }, data: { passwordHash: oldHash } });

    expect(await attempt("tom@tailspin.example", "old-password", "203.0.113.70")).toBe("signed in as u_tom");
    const upgraded = (await db.user.findUniqueOrThrow({ where: { id: "u_tom" } })).passwordHash!;
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword("old-password", upgraded)).toBe(true);
    expect(await attempt("tom@tailspin.example", "old-password", "203.0.113.70")).toBe("signed in as u_tom");
  });
});

describe("the client address", () => {
  it("ignores X-Forwarded-For unless TRUST_PROXY says how many proxies append to it", () => {
    expect(resolveClientAddress("::ffff:127.0.0.1", "203.0.113.9", 0)).toBe("127.0.0.1");
    // One proxy: the entry it appended (the last) is the client; what the client sent before it is not.
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "spoofed, 198.51.100.7, 203.0.113.9", 2)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "not an address", 1)).toBe("10.0.0.2");
  });
});
