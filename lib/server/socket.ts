// Socket.IO on the app's HTTP server: the handshake is authenticated from the NextAuth session
// cookie, and each socket joins its user's room. Cross-origin handshakes are refused.
import "server-only";
import type { Server as HttpServer, IncomingMessage } from "node:http";
import { Server } from "socket.io";
import { sessionFromCookie } from "@/lib/auth/session-token";
import { sessionStillValid, watchSessions } from "@/lib/realtime/session-watch";
import { env } from "@/lib/env";
import { isOurOrigin } from "@/lib/api/same-origin";
import { baselineHeaders, NON_PAGE_CSP } from "@/lib/security/headers";
import { setRealtimeServer, type RealtimeServer } from "@/lib/realtime/emit";
import { userRoom } from "@/lib/realtime/protocol";

// A browser's handshake must come from a page of the center: its Origin is APP_URL's origin. Never
// compared with the request's Host, which the client (or a rebinding DNS name) chooses, nor taken
// from Sec-Fetch-Site, which says "same-origin" for a page served under such a name.
function sameOrigin(request: IncomingMessage) {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // not a browser: it still needs a valid session cookie
  return isOurOrigin(origin);
}

export const SOCKET_PATH = "/socket.io/";

export function createSocketServer(httpServer: HttpServer, options: { dev: boolean }): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // In development Next's hot-reload websocket shares the server: leave foreign upgrades alone.
    destroyUpgrade: !options.dev,
    allowRequest: (request, callback) => {
      const allowed = sameOrigin(request);
      callback(allowed ? null : "origin not allowed", allowed);
    },
  });

  // Its long-polling answers bypass the app's handler: they get the same baseline headers.
  const securityHeaders = { ...baselineHeaders(env().APP_URL), "Content-Security-Policy": NON_PAGE_CSP };
  io.engine.on("headers", (headers: Record<string, string>) => Object.assign(headers, securityHeaders));

  io.use(async (socket, next) => {
    try {
      const session = await sessionFromCookie(socket.request.headers.cookie);
      if (!session || !(await sessionStillValid(session))) return next(new Error("unauthorized"));
      socket.data.userId = session.userId;
      socket.data.session = session;
      next();
    } catch (error) {
      next(error as Error);
    }
  });
  const stopWatching = watchSessions(io);
  httpServer.once("close", stopWatching);

  io.on("connection", (socket) => {
    void socket.join(userRoom(socket.data.userId as string));
    // Authenticated: the handshake's HTTP request (with its socket and parser) is no longer needed,
    // and holding it costs ~4 kB per connection (socket.io.io/docs/v4/memory-usage).
    (socket.conn as { request: unknown }).request = null;
  });

  setRealtimeServer(io);
  return io;
}
