// NextAuth configuration: email + password, and one-time sign-in links from the platform.
// JWT sessions carry the user id, organization and role.
import "server-only";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { checkCredentials } from "@/lib/auth/credentials";
import { isHttps } from "@/lib/security/headers";
import { consumeSignInLink } from "@/lib/auth/sign-in-links";
import { safeReturnPath } from "@/lib/auth/return-path";
import { revokeSession } from "@/lib/auth/revoked-sessions";
import { randomUUID } from "node:crypto";
import { isDatabaseUnavailable, logDatabaseUnavailable } from "@/lib/db/unavailable";
import { clientAddressOf } from "@/lib/client-address";
import { env } from "@/lib/env";

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
  // Getters: read when NextAuth handles a request, after the start (or a test) has set the configuration.
  get secret() {
    return env().AUTH_SECRET;
  },
  // Behind https (APP_URL), every auth cookie is Secure and __Secure-/__Host- prefixed.
  get useSecureCookies() {
    return isHttps(env().APP_URL);
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const user = await unlessUnavailable(() =>
          checkCredentials({
            email: credentials?.email?.trim().toLowerCase().slice(0, 320) ?? "",
            password: (credentials?.password ?? "").slice(0, 1024),
            address: clientAddressOf(req.headers),
          }),
        );
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
  events: {
    // Sign-out ends the session on the server too: a copy of the cookie stops working and the
    // session's sockets close, on every instance.
    async signOut({ token }) {
      if (token?.sid)
        await revokeSession(token.sid, new Date(((token.exp as number) ?? 0) * 1000 || Date.now() + 864e5));
    },
  },
  callbacks: {
    // NextAuth's own redirects (after sign-in or sign-out): a path on this site, or the site's root.
    redirect({ url, baseUrl }) {
      if (url.startsWith(baseUrl)) url = url.slice(baseUrl.length) || "/";
      return `${baseUrl}${safeReturnPath(url, "/")}`;
    },
    jwt({ token, user }) {
      if (user) {
        // A new session: its own id, so that signing out can end it on the server too.
        token.sid = randomUUID();
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
