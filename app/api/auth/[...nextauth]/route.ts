import NextAuth from "next-auth";
import { assertSameOrigin } from "@/lib/api/same-origin";
import { authOptions } from "@/lib/auth/options";
import { errorResponse } from "@/lib/errors";

const handler = NextAuth(authOptions);

// GET /api/auth/* — NextAuth (session, CSRF token, providers)
export { handler as GET };

// POST /api/auth/* — NextAuth (sign-in, sign-out); only from the center's own pages.
export async function POST(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  try {
    assertSameOrigin(request);
  } catch (error) {
    return errorResponse(error);
  }
  return handler(request, context);
}
