// Next answers a method that a route handler does not export with an empty 405, without even an
// Allow header. API clients get the error shape of every other API error instead: while the
// response is a 405 with no content type, Next's (empty) writes are held back and end() sends ours.
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError, errorBody } from "@/lib/errors";

type Method = (this: ServerResponse, ...args: unknown[]) => unknown;

export function explainMethodNotAllowed(req: IncomingMessage, res: ServerResponse) {
  const { writeHead, flushHeaders, write, end } = res as unknown as Record<
    "writeHead" | "flushHeaders" | "write" | "end",
    Method
  >;
  const ours = () => res.statusCode === 405 && !res.headersSent && !res.hasHeader("content-type");
  const patched = res as unknown as Record<"writeHead" | "flushHeaders" | "write" | "end", Method>;
  patched.writeHead = function (...args) {
    if (args[0] !== 405 || args.length > 1 || res.hasHeader("content-type")) return writeHead.apply(this, args);
    res.statusCode = 405;
    return this;
  };
  patched.flushHeaders = function (...args) {
    return ours() ? undefined : flushHeaders.apply(this, args);
  };
  patched.write = function (...args) {
    return ours() ? true : write.apply(this, args);
  };
  patched.end = function (...args) {
    if (!ours()) return end.apply(this, args);
    const path = (req.url ?? "").split("?")[0];
    const body = JSON.stringify(
      errorBody(new AppError("method_not_allowed", `${req.method} is not supported on ${path}`)),
    );
    res.setHeader("content-type", "application/json");
    res.setHeader("content-length", Buffer.byteLength(body));
    return end.call(this, body, ...args.filter((arg) => typeof arg === "function"));
  };
}
