// The client's address, for per-address limits. X-Forwarded-For is written by whoever sends the
// request, so only the entries appended by our own proxies can be believed: TRUST_PROXY says how
// many proxies stand in front of the server (0, the default: none, use the connection's address).
// The server (lib/server/start.ts) works the address out once per request and passes it to the
// app in CLIENT_ADDRESS_HEADER, overwriting whatever the client sent under that name.
export const CLIENT_ADDRESS_HEADER = "x-nc-client-address";

export function resolveClientAddress(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string {
  const direct = normalize(remoteAddress) ?? "unknown";
  if (trustedProxies <= 0 || !forwardedFor) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Each trusted proxy appended the address it saw: the client is the entry the farthest of them
  // added. Entries to the left of it were sent by the client and prove nothing.
  const index = hops.length - trustedProxies;
  return normalize(hops[Math.max(0, index)]) ?? direct;
}

function normalize(address: string | undefined) {
  if (!address) return undefined;
  const value = address.startsWith("::ffff:") ? address.slice(7) : address;
  return /^[0-9a-fA-F:.]{2,45}$/.test(value) ? value.toLowerCase() : undefined;
}

/** The address the server passed in (see above); "unknown" outside our server (scripts, tests). */
export function clientAddressOf(headers: Headers | Record<string, unknown> | undefined): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value ? value : "unknown";
}
