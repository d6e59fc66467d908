// A local stand-in for the Resend API (POST /emails and POST /emails/batch), for the real SDK
// through its baseUrl. Like Resend it honours Idempotency-Key: a repeated key returns the first
// answer and sends nothing new (a batch's key with a different batch is refused with 409
// invalid_idempotent_request). Batches follow Resend's validation modes: "strict" (the default)
// refuses the whole batch when one email is invalid, "permissive" (x-batch-validation header)
// sends the valid ones and lists the others in `errors` by index. Responses can be scripted per
// request to test retries, and a mode applies to every request until changed: fail (5xx),
// throttle (429 with Retry-After) or hang (never answer). The benchmark runs it lean: counts and
// times only, no bodies kept.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRequest {
  path: "/emails" | "/emails/batch";
  idempotencyKey: string | null;
  /** Batches: the array of emails; lean mode: null. */
  body: any;
  status: number;
  /** Date.now() when the request arrived. */
  at: number;
}

export type FakeResponse =
  { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number } | "drop" | "hang";

/** What every request without a scripted response gets. */
export type FakeMode =
  | { kind: "ok" }
  | { kind: "fail"; status?: number }
  | { kind: "throttle"; retryAfterSeconds: number }
  | { kind: "hang" };

export interface FakeStats {
  requests: number;
  batches: number;
  accepted: number;
  /** Date.now() of the first and the latest accepted email. */
  firstAcceptedAt: number | null;
  lastAcceptedAt: number | null;
}

export interface FakeResend {
  url: string;
  /** Every POST, in order. */
  requests: FakeRequest[];
  /** Emails actually accepted (once per idempotency key); lean mode keeps none. */
  sent: { id: string; key: string | null; body: any }[];
  stats(): FakeStats;
  /** The next responses, in order; afterwards 200. */
  script(...responses: FakeResponse[]): void;
  /** Addresses that fail validation (as an address Resend refuses would). */
  refuse(...addresses: string[]): void;
  /** Delay every successful answer (to keep jobs in flight). */
  setDelay(ms: number): void;
  /** The answer to every request that has no scripted response (default ok). */
  setMode(mode: FakeMode): void;
  /** Requests being held (hang, or a delay). */
  pending(): number;
  reset(): void;
  close(): Promise<void>;
}

const MAX_BATCH = 100;
const looksLikeAddress = (value: unknown) => typeof value === "string" && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const json = (res: import("node:http").ServerResponse, status: number, body: unknown, headers = {}) =>
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));

const errorBody = (status: number, name: string, message: string) => ({ statusCode: status, name, message });

export async function startFakeResend(options: { lean?: boolean } = {}): Promise<FakeResend> {
  const lean = options.lean ?? false;
  const requests: FakeRequest[] = [];
  const sent: FakeResend["sent"] = [];
  const stats: FakeStats = { requests: 0, batches: 0, accepted: 0, firstAcceptedAt: null, lastAcceptedAt: null };
  // Idempotency key → the first answer (and, for batches, a hash of the batch it answered).
  const byKey = new Map<string, { body: unknown; hash?: string }>();
  const refused = new Set<string>();
  let queue: FakeResponse[] = [];
  let delay = 0;
  let counter = 0;
  let mode: FakeMode = { kind: "ok" };
  let held = 0;
  const fromMode = (): FakeResponse => {
    if (mode.kind === "hang") return "hang";
    if (mode.kind === "fail") return { status: mode.status ?? 500 };
    if (mode.kind === "throttle")
      return {
        status: 429,
        headers: { "retry-after": String(mode.retryAfterSeconds) },
        body: { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" },
      };
    return { status: 200 };
  };

  const accept = (key: string | null, body: any) => {
    const id = `re_fake_${++counter}`;
    stats.accepted++;
    stats.lastAcceptedAt = Date.now();
    stats.firstAcceptedAt ??= stats.lastAcceptedAt;
    if (!lean) sent.push({ id, key, body });
    return id;
  };
  const invalid = (email: any): string | null => {
    const to = Array.isArray(email?.to) ? email.to : [email?.to];
    if (!email?.from || !email?.subject) return "The `from` and `subject` fields are required.";
    const bad = to.find((address: unknown) => !looksLikeAddress(address) || refused.has(String(address)));
    return bad === undefined ? null : `Invalid \`to\` field: ${String(bad)}`;
  };

  function answerSingle(key: string | null, body: any): [number, unknown] {
    const known = key ? byKey.get(key) : undefined;
    if (known) return [200, known.body];
    const problem = invalid(body);
    if (problem) return [422, errorBody(422, "validation_error", problem)];
    const answer = { id: accept(key, body) };
    if (key) byKey.set(key, { body: answer });
    return [200, answer];
  }

  function answerBatch(key: string | null, emails: any, permissive: boolean, text: string): [number, unknown] {
    if (!Array.isArray(emails) || emails.length === 0 || emails.length > MAX_BATCH)
      return [422, errorBody(422, "validation_error", `A batch holds 1 to ${MAX_BATCH} emails.`)];
    const hash = createHash("sha256").update(text).digest("hex");
    const known = key ? byKey.get(key) : undefined;
    if (known) {
      if (known.hash !== hash)
        return [
          409,
          errorBody(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload."),
        ];
      return [200, known.body];
    }
    const problems = emails.map(invalid);
    const firstProblem = problems.findIndex((problem) => problem !== null);
    // Strict mode: one invalid email refuses the whole batch and sends nothing.
    if (!permissive && firstProblem >= 0)
      return [422, errorBody(422, "validation_error", `emails[${firstProblem}]: ${problems[firstProblem]}`)];
    const data: { id: string }[] = [];
    const errors: { index: number; message: string }[] = [];
    emails.forEach((email: any, index: number) => {
      const problem = problems[index];
      if (problem) errors.push({ index, message: problem });
      else data.push({ id: accept(key, email) });
    });
    const answer = permissive ? { data, errors } : { data };
    if (key) byKey.set(key, { body: answer, hash });
    return [200, answer];
  }

  const server: Server = createServer(async (req, res) => {
    const text = await readBody(req);
    if (req.method === "GET" && req.url === "/__stats") return json(res, 200, stats);
    const path = req.url === "/emails" || req.url === "/emails/batch" ? req.url : null;
    if (req.method !== "POST" || !path) return json(res, 404, errorBody(404, "not_found", "Not found"));
    stats.requests++;
    if (path === "/emails/batch") stats.batches++;
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const body = JSON.parse(text);
    const at = Date.now();
    const record = (status: number) => {
      if (!lean || status !== 200) requests.push({ path, idempotencyKey: key, body: lean ? null : body, status, at });
    };
    const next = queue.shift() ?? fromMode();
    if (next === "drop") {
      record(0);
      req.socket.destroy();
      return;
    }
    if (next === "hang") {
      // Never answered: the client must give up by itself (its timeout); recorded as status 0.
      record(0);
      held++;
      req.socket.once("close", () => held--);
      return;
    }
    if (next.delayMs || (next.status === 200 && delay)) {
      held++;
      await new Promise((r) => setTimeout(r, next.delayMs ?? delay));
      held--;
    }
    if (next.status !== 200) {
      record(next.status);
      const name = next.status >= 500 ? "internal_server_error" : "validation_error";
      return json(res, next.status, next.body ?? errorBody(next.status, name, `fake ${next.status}`), next.headers);
    }
    const permissive = req.headers["x-batch-validation"] === "permissive";
    const [status, answer] = path === "/emails" ? answerSingle(key, body) : answerBatch(key, body, permissive, text);
    record(status);
    json(res, status, answer);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    sent,
    stats: () => ({ ...stats }),
    script: (...responses) => void queue.push(...responses),
    refuse: (...addresses) => addresses.forEach((address) => refused.add(address)),
    setDelay: (ms) => void (delay = ms),
    setMode: (next) => void (mode = next),
    pending: () => held,
    reset() {
      requests.length = 0;
      sent.length = 0;
      byKey.clear();
      refused.clear();
      Object.assign(stats, { requests: 0, batches: 0, accepted: 0, firstAcceptedAt: null, lastAcceptedAt: null });
      queue = [];
      delay = 0;
      mode = { kind: "ok" };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
