// A real HTTP receiver on 127.0.0.1 for the webhook tests: records every request (headers and raw
// body) and answers as the test says (status, body, headers, a delay, or never).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
  /** Never answer (until the receiver closes). */
  hang?: boolean;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** How to answer the next requests, in order; later requests get `fallback`. */
  answers: Answer[];
  fallback: Answer;
  /** Answers by request path, before `answers`. */
  byPath: Record<string, Answer>;
  /** Requests being answered now, by path, and the most at once. */
  open: Record<string, number>;
  peak: Record<string, number>;
  reset(): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const sockets = new Set<import("node:net").Socket>();
  const receiver: Receiver = {
    url: "",
    received: [],
    answers: [],
    fallback: { status: 200, body: "ok" },
    byPath: {},
    open: {},
    peak: {},
    reset() {
      receiver.received.length = 0;
      receiver.answers = [];
      receiver.fallback = { status: 200, body: "ok" };
      receiver.byPath = {};
      receiver.open = {};
      receiver.peak = {};
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "/";
      receiver.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      receiver.open[path] = (receiver.open[path] ?? 0) + 1;
      receiver.peak[path] = Math.max(receiver.peak[path] ?? 0, receiver.open[path]);
      res.on("close", () => (receiver.open[path] = (receiver.open[path] ?? 1) - 1));
      const answer = receiver.byPath[path] ?? receiver.answers.shift() ?? receiver.fallback;
      if (answer.hang) return;
      const reply = () => {
        res.writeHead(answer.status ?? 200, { "content-type": "text/plain", ...answer.headers });
        res.end(answer.body ?? "");
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
