// Cross-site request forgery protection for cookie-authenticated state changes: a browser sends
// the session cookie with a form posted from any site, so every unsafe method must come from our
// own pages. Modern browsers say where a request comes from in `Sec-Fetch-Site`; older ones still
// send `Origin` on every POST. A request with neither is not a browser's (curl, server-to-server)
// and carries no ambient authority to abuse. Same algorithm as Go's http.CrossOriginProtection,
// except that our origin is APP_URL (never the request's Host, which the client controls).
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function isSameOriginRequest(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const site = headers.get("sec-fetch-site");
  // "none": the user started it (typed URL, bookmark), never another page.
  if (site) return site === "same-origin" || site === "none";
  const origin = headers.get("origin");
  if (!origin) return true;
  return isOurOrigin(origin);
}

/** Whether an Origin header names the center's public origin (APP_URL's), whatever Host the request carries. */
export function isOurOrigin(origin: string): boolean {
  return origin === new URL(env().APP_URL).origin;
}

/** Throws 403 (error shape) for a state change that another site's page made the browser send. */
export function assertSameOrigin(request: Request) {
  if (!isSameOriginRequest(request.method, request.headers)) {
    throw new AppError(
      "forbidden",
      "Cross-site request refused: this action must come from the notification center itself",
    );
  }
}
