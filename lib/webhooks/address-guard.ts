// Where a webhook may go (routing.md, "Safety"): https in production, and never to a loopback,
// private, link-local or cloud-metadata address, unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is set.
// The host is checked when an endpoint is registered and again at every send (DNS can change);
// at send time the connection goes to the very address that was checked (see guardedLookup),
// so a second DNS answer cannot slip a private address in between.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

/** dns.lookup with `all: true`, injectable so tests never ask a real resolver. */
export type LookupAll = (hostname: string) => Promise<LookupAddress[]>;

const systemLookup: LookupAll = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

export interface AddressPolicy {
  /** Loopback/private targets and http:// allowed (development and tests). */
  allowPrivate: boolean;
  /** https:// required (production), unless allowPrivate. */
  requireHttps: boolean;
  lookup: LookupAll;
}

export function defaultPolicy(): AddressPolicy {
  const config = env();
  return {
    allowPrivate: config.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
    requireHttps: config.NODE_ENV === "production",
    lookup: systemLookup,
  };
}

// Everything that is not the public internet. IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) are
// matched against the IPv4 ranges by BlockList itself; NAT64 is listed explicitly.
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this" network
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT (also Alibaba's metadata address)
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, AWS/GCP/Azure metadata (169.254.169.254)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
] as const)
  blocked.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b::", 96], // NAT64 (reaches IPv4 addresses)
  ["64:ff9b:1::", 48], // local NAT64
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local (includes AWS's fd00:ec2::254 metadata)
  ["fe80::", 10], // link-local
  ["fec0::", 10], // old site-local
  ["ff00::", 8], // multicast
] as const)
  blocked.addSubnet(network, prefix, "ipv6");

/** True for any address a webhook must not reach without WEBHOOK_ALLOW_PRIVATE_NETWORKS. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: refuse rather than guess
  return blocked.check(address, family === 6 ? "ipv6" : "ipv4");
}

export class UnsafeTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnsafeTargetError";
  }
}

/** Strips the brackets of an IPv6 literal in a URL's hostname. */
const bareHost = (hostname: string) => hostname.replace(/^\[(.*)\]$/, "$1");

/** Checks the URL's form (scheme, credentials); throws UnsafeTargetError with a reason a person can act on. */
export function checkUrlShape(raw: string, policy: Pick<AddressPolicy, "allowPrivate" | "requireHttps">): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeTargetError("is not a valid URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new UnsafeTargetError("must be an https:// URL");
  if (url.protocol === "http:" && policy.requireHttps && !policy.allowPrivate)
    throw new UnsafeTargetError("must use https://");
  if (url.username || url.password) throw new UnsafeTargetError("must not contain a user name or password");
  if (!url.hostname) throw new UnsafeTargetError("has no host");
  return url;
}

/**
 * Resolves the host and returns the addresses it may connect to; throws UnsafeTargetError when
 * any of them is private (a host with one public and one private address is refused: which one a
 * client picks is not ours to predict).
 */
export async function resolveSafeAddresses(hostname: string, policy: AddressPolicy): Promise<LookupAddress[]> {
  const host = bareHost(hostname);
  const family = isIP(host);
  const addresses = family ? [{ address: host, family }] : await resolveHost(host, policy.lookup);
  if (addresses.length === 0) throw new UnsafeTargetError(`host ${host} does not resolve`);
  if (!policy.allowPrivate) {
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused)
      throw new UnsafeTargetError(
        refused.address === host
          ? `points at a private, loopback or link-local address (${host})`
          : `host ${host} resolves to a private, loopback or link-local address (${refused.address})`,
      );
  }
  return addresses;
}

async function resolveHost(host: string, lookup: LookupAll): Promise<LookupAddress[]> {
  try {
    return await lookup(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnsafeTargetError(`host ${host} does not resolve${code ? ` (${code})` : ""}`);
  }
}

/** Registration check: the URL's form and where its host resolves now. */
export async function checkWebhookUrl(raw: string, policy: AddressPolicy = defaultPolicy()): Promise<URL> {
  const url = checkUrlShape(raw, policy);
  await resolveSafeAddresses(url.hostname, policy);
  return url;
}
