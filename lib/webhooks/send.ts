// One HTTP attempt of a webhook message, with the safety rules of routing.md: the host is resolved
// and checked first, and the socket connects to the checked address (a custom `lookup` hands
// Node exactly that address); no redirects (node:http never follows them); 15 s for the whole
// exchange; at most 64 KB of the answer is read.
//
// Connections are kept alive between attempts (a busy endpoint is not one TCP and TLS handshake
// per message). That keeps the rule: every attempt checks the host again, a new connection goes
// to the address just checked, and a reused one is connected to an address that passed the same
// check earlier (whether an address is allowed does not change while the process runs).
import http from "node:http";
import https from "node:https";
import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { checkUrlShape, resolveSafeAddresses, UnsafeTargetError, type AddressPolicy } from "./address-guard";

export const SEND_TIMEOUT_MS = 15_000;
const MAX_RESPONSE_BYTES = 64 * 1024;
/** What an attempt keeps of the answer for the deliveries view. */
const EXCERPT_CHARS = 1_000;

interface SendRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  policy: AddressPolicy;
  timeoutMs?: number;
}

export interface SendOutcome {
  ok: boolean;
  httpStatus: number | null;
  durationMs: number;
  error?: string;
  responseExcerpt?: string;
  /** The receiver's Retry-After, in milliseconds. */
  retryAfterMs?: number;
  /** Refused before any connection (unsafe target): a retry may still succeed if DNS changes. */
  refused?: boolean;
}

// Idle connections close after 4 s, before the usual 5 s of servers; a request that meets a
// connection the receiver closed anyway is sent again once on a new one (see `exchange`). The
// agent keeps idle connections per host and port, which endpoints on one receiving service share
// (perEndpoint each): with 8 kept, three endpoints on one host (12 in flight) opened a new
// connection for one message in six; 64 keeps sixteen such endpoints' connections for 4 s.
const agentOptions = { keepAlive: true, keepAliveMsecs: 1_000, maxFreeSockets: 64, timeout: 4_000 };
const agents = {
  "http:": new http.Agent(agentOptions),
  "https:": new https.Agent(agentOptions),
};

/** A `lookup` for http.request that answers with the pre-checked address only. */
function pinnedLookup(address: LookupAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: LookupAddress[]) => void)(null, [address]);
    else callback(null, address.address, address.family);
  };
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Printable text of the answer, without control characters, for people reading the deliveries. */
function excerpt(body: Buffer): string | undefined {
  if (body.length === 0) return undefined;
  const text = body.toString("utf8").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}

export async function sendWebhook(request: SendRequest): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let url: URL;
  let address: LookupAddress;
  try {
    url = checkUrlShape(request.url, request.policy);
    [address] = (await resolveSafeAddresses(url.hostname, request.policy)) as [LookupAddress];
  } catch (error) {
    if (!(error instanceof UnsafeTargetError)) throw error;
    return {
      ok: false,
      httpStatus: null,
      durationMs: elapsed(),
      error: `refused: URL ${error.message}`,
      refused: true,
    };
  }

  const outcome = await exchange(url, address, request, started, true);
  // Sent again at most once, on a connection of its own (receivers dedupe by webhook-id in any case).
  return outcome === STALE ? (exchange(url, address, request, started, false) as Promise<SendOutcome>) : outcome;
}

/** The kept-alive connection had been closed by the receiver before this request reached it. */
const STALE = Symbol("stale connection");

function exchange(
  url: URL,
  address: LookupAddress,
  request: SendRequest,
  started: number,
  pooled: boolean,
): Promise<SendOutcome | typeof STALE> {
  const elapsed = () => Math.round(performance.now() - started);
  const client = url.protocol === "https:" ? https : http;
  const timeoutMs = request.timeoutMs ?? SEND_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<SendOutcome, "durationMs"> | typeof STALE) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome === STALE ? STALE : { ...outcome, durationMs: elapsed() });
    };
    const req = client.request(
      url,
      {
        method: "POST",
        lookup: pinnedLookup(address),
        agent: pooled ? agents[url.protocol as keyof typeof agents] : false,
        headers: {
          ...request.headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(request.body)),
          "user-agent": "NotificationCenter-Webhooks/1.0",
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const status = response.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          finish({
            ok,
            httpStatus: status,
            responseExcerpt: excerpt(Buffer.concat(chunks)),
            ...(ok
              ? {}
              : { error: status >= 300 && status < 400 ? `redirect (${status}) not followed` : `HTTP ${status}` }),
            retryAfterMs: parseRetryAfter(response.headers["retry-after"]),
          });
        };
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
          else {
            chunks.push(chunk.subarray(0, chunk.length - (size - MAX_RESPONSE_BYTES)));
            done(); // enough read: the status is what counts; the connection is not reused
            response.destroy();
          }
        });
        // Read to the end, the connection goes back to the pool.
        response.on("end", done);
        response.on("error", () => {
          done();
          response.destroy();
        });
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, httpStatus: null, error: `timed out after ${Math.round(timeoutMs / 1000)} s` });
      req.destroy();
    }, timeoutMs);
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (req.reusedSocket && !settled && (error.code === "ECONNRESET" || error.code === "EPIPE")) return finish(STALE);
      finish({ ok: false, httpStatus: null, error: error.code ? `${error.code}: ${error.message}` : error.message });
    });
    req.end(request.body);
  });
}
