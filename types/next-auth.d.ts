import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; organizationId: string; role: Role };
  }
  interface User {
    id: string;
    email: string;
    name: string;
    organizationId: string;
    role: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    /** This session's id, for sign-out everywhere (lib/auth/revoked-sessions.ts). */
    sid?: string;
    organizationId: string;
    role: Role;
  }
}
