// NextAuth configuration: email + password, and one-time sign-in links from the platform.
// JWT sessions carry the user id, organization and role.
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { createRateLimiter } from "@/lib/rate-limit";
import { consumeSignInLink } from "@/lib/auth/sign-in-links";
import { isDatabaseUnavailable, logDatabaseUnavailable } from "@/lib/db/unavailable";

// Five wrong passwords per account per 15 minutes, and 30 per client address.
const failuresByEmail = createRateLimiter({ limit: 5, windowMs: 15 * 60_000 });
const failuresByAddress = createRateLimiter({ limit: 30, windowMs: 15 * 60_000 });

function clientAddress(headers: Record<string, unknown> | undefined) {
  const forwarded = headers?.["x-forwarded-for"];
  return typeof forwarded === "string" ? (forwarded.split(",")[0]?.trim() ?? "unknown") : "local";
}

function toSessionUser(user: {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  role: User["role"];
}): User {
  return { id: user.id, email: user.email, name: user.name, organizationId: user.organizationId, role: user.role };
}

/** An outage reads as one on the sign-in form, not as a wrong password or a raw database message. */
async function unlessUnavailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logDatabaseUnavailable(error);
    throw new Error("Sign-in is temporarily unavailable. Try again in a moment.");
  }
}

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const email = credentials?.email?.trim().toLowerCase() ?? "";
        const password = credentials?.password ?? "";
        const address = clientAddress(req.headers);
        const blocked = [failuresByEmail.peek(email), failuresByAddress.peek(address)].find((r) => !r.ok);
        if (blocked) {
          const minutes = Math.ceil(blocked.retryAfterSeconds / 60);
          throw new Error(`Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
        }
        const user = email ? await unlessUnavailable(() => db.user.findUnique({ where: { email } })) : null;
        const valid = user?.passwordHash && user.active ? await verifyPassword(password, user.passwordHash) : false;
        if (!user || !valid) {
          failuresByEmail.hit(email);
          failuresByAddress.hit(address);
          throw new Error("Wrong email or password.");
        }
        failuresByEmail.reset(email);
        return toSessionUser(user);
      },
    }),
    CredentialsProvider({
      id: "sign-in-link",
      name: "Sign-in link",
      credentials: { token: { type: "text" } },
      async authorize(credentials) {
        const user = await unlessUnavailable(() => consumeSignInLink(credentials?.token ?? ""));
        if (!user)
          throw new Error("This sign-in link is invalid, expired or already used. Ask the portal for a new one.");
        return toSessionUser(user);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.organizationId = user.organizationId;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid,
        email: token.email ?? "",
        name: token.name ?? "",
        organizationId: token.organizationId,
        role: token.role,
      };
      return session;
    },
  },
};
