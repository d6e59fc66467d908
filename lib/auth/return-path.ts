// Where to go after sign-in: only a path on this site. Browsers read "/\evil.example" as
// "//evil.example" and drop tabs and newlines from URLs ("/%09/evil.example"), so a check on the
// first characters is not enough: the path is resolved against a placeholder origin, as a browser
// would, and must stay on it. No server imports: the sign-in form uses it too.
const FALLBACK = "/inbox";
const PLACEHOLDER = "https://return.invalid";

export function safeReturnPath(value: unknown, fallback = FALLBACK): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return fallback;
  // Backslashes and control characters have no business in our own paths.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    const url = new URL(value, PLACEHOLDER);
    if (url.origin !== PLACEHOLDER || url.pathname.startsWith("//")) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
