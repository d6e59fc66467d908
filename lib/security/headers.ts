// Security headers. Every response gets the baseline from the custom server (lib/server/start.ts);
// pages also get a Content-Security-Policy with a fresh nonce from the proxy (proxy.ts), which
// Next puts on its own scripts. No inline script runs without that nonce: an injected <script>
// or event handler attribute is blocked even if it got past escaping.

/** The public URL is https: HSTS, upgrade-insecure-requests and Secure cookies follow. */
export function isHttps(appUrl: string) {
  return appUrl.startsWith("https://");
}

export function baselineHeaders(appUrl: string): Record<string, string> {
  return {
    // No page of the center may be framed (clickjacking of lock toggles, key revocation, …).
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // URLs can hold tokens (unsubscribe) and ids: nothing of them leaves for another site.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(isHttps(appUrl) ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** For responses that are not pages (JSON, files): nothing in them may run or be framed. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * A page's policy. Scripts: only those carrying this response's nonce, and what they load
 * ('strict-dynamic'); development adds 'unsafe-eval' for React's dev tooling. Styles may be
 * inline (style attributes, sonner's injected sheet, captured emails in the development mailbox):
 * CSS cannot run code. Images may come from any https origin (reseller logos in emails).
 */
export function pageContentSecurityPolicy(options: { nonce: string; dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** 128 random bits, base64: unguessable, fresh per response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
