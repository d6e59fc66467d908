import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { createNonce, isHttps, pageContentSecurityPolicy } from "@/lib/security/headers";

// Every page: a Content-Security-Policy with a fresh nonce (Next reads it from the request's
// header and puts it on its scripts; the root layout reads x-nonce for anything of ours), and
// x-return-to, so that a redirect to sign-in can come back to the page that was asked for.
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const { NODE_ENV, APP_URL } = env();
  const policy = pageContentSecurityPolicy({ nonce, dev: NODE_ENV !== "production", https: isHttps(APP_URL) });
  const headers = new Headers(request.headers);
  headers.set("x-return-to", request.nextUrl.pathname + request.nextUrl.search);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = { matcher: ["/((?!api/|_next/|socket\\.io/|favicon\\.ico).*)"] };
