import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// GET|POST /api/auth/* — NextAuth (sign-in, sign-out, session, CSRF)
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
