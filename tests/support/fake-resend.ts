// A local stand-in for the Resend API (POST /emails), for the real SDK through its baseUrl.
// Like Resend it honours Idempotency-Key: a repeated key returns the first answer and sends
// nothing new. Responses can be scripted per request to test retries, and a mode applies to every
// request until changed: fail (5xx), throttle (429 with Retry-After) or hang (never answer).
// `startFakeResendProcess` (fake-resend-process.ts) runs it on its own for server processes.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeRequest {
  idempotencyKey: string | null;
  body: any;
  status: number;
}

export type FakeResponse =
  { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number } | "drop" | "hang";

/** What every request without a scripted response gets. */
export type FakeMode =
  | { kind: "ok" }
  | { kind: "fail"; status?: number }
  | { kind: "throttle"; retryAfterSeconds: number }
  | { kind: "hang" };

export interface FakeResend {
  url: string;
  /** Every POST /emails, in order. */
  requests: FakeRequest[];
  /** Emails actually accepted (once per idempotency key). */
  sent: { id: string; key: string | null; body: any }[];
  /** The next responses, in order; afterwards 200. */
  script(...responses: FakeResponse[]): void;
  /** Delay every successful answer (to keep jobs in flight). */
  setDelay(ms: number): void;
  /** The answer to every request that has no scripted response (default ok). */
  setMode(mode: FakeMode): void;
  /** Requests being held (hang, or a delay). */
  pending(): number;
  reset(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startFakeResend(): Promise<FakeResend> {
  const requests: FakeRequest[] = [];
  const sent: FakeResend["sent"] = [];
  const byKey = new Map<string, string>();
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

  const server: Server = createServer(async (req, res) => {
    const text = await readBody(req);
    if (req.method !== "POST" || req.url !== "/emails") {
      res
        .writeHead(404, { "content-type": "application/json" })
        .end(JSON.stringify({ statusCode: 404, name: "not_found", message: "Not found" }));
      return;
    }
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const body = JSON.parse(text);
    const next = queue.shift() ?? fromMode();
    if (next === "drop") {
      requests.push({ idempotencyKey: key, body, status: 0 });
      req.socket.destroy();
      return;
    }
    if (next === "hang") {
      // Never answered: the client must give up by itself (its timeout); recorded as status 0.
      requests.push({ idempotencyKey: key, body, status: 0 });
      held++;
      req.socket.once("close", () => held--);
      return;
    }
    if (next.delayMs || (next.status === 200 && delay)) {
      held++;
      await new Promise((r) => setTimeout(r, next.delayMs ?? delay));
      held--;
    }
    requests.push({ idempotencyKey: key, body, status: next.status });
    if (next.status !== 200) {
      res.writeHead(next.status, { "content-type": "application/json", ...next.headers });
      res.end(
        JSON.stringify(
          next.body ?? {
            statusCode: next.status,
            name: next.status >= 500 ? "internal_server_error" : "validation_error",
            message: `fake ${next.status}`,
          },
        ),
      );
      return;
    }
    let id = key ? byKey.get(key) : undefined;
    if (!id) {
      id = `re_fake_${++counter}`;
      if (key) byKey.set(key, id);
      sent.push({ id, key, body });
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    sent,
    script: (...responses) => void queue.push(...responses),
    setDelay: (ms) => void (delay = ms),
    setMode: (next) => void (mode = next),
    pending: () => held,
    reset() {
      requests.length = 0;
      sent.length = 0;
      byKey.clear();
      queue = [];
      delay = 0;
      mode = { kind: "ok" };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
