// Socket.IO on the app's HTTP server: the handshake is authenticated from the NextAuth session
// cookie, and each socket joins its user's room. Cross-origin handshakes are refused.
import type { Server as HttpServer, IncomingMessage } from "node:http";
import { Server } from "socket.io";
import { userIdFromCookie } from "@/lib/auth/session-token";
import { getUser } from "@/lib/auth/user-cache";
import { setRealtimeServer, type RealtimeServer } from "@/lib/realtime/emit";
import { userRoom } from "@/lib/realtime/protocol";

function sameOrigin(request: IncomingMessage) {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser: it still needs a valid session cookie
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export const SOCKET_PATH = "/socket.io/";

export function createSocketServer(httpServer: HttpServer, options: { dev: boolean }): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    path: SOCKET_PATH,
    serveClient: false,
    // In development Next's hot-reload websocket shares the server: leave foreign upgrades alone.
    destroyUpgrade: !options.dev,
    allowRequest: (request, callback) =>
      callback(sameOrigin(request) ? null : "origin not allowed", sameOrigin(request)),
  });

  io.use(async (socket, next) => {
    try {
      const userId = await userIdFromCookie(socket.request.headers.cookie);
      const user = userId ? await getUser(userId) : null;
      if (!userId || !user?.active) return next(new Error("unauthorized"));
      socket.data.userId = userId;
      next();
    } catch (error) {
      next(error as Error);
    }
  });

  io.on("connection", (socket) => {
    void socket.join(userRoom(socket.data.userId as string));
    // Authenticated: the handshake's HTTP request (with its socket and parser) is no longer needed,
    // and holding it costs ~4 kB per connection (socket.io.io/docs/v4/memory-usage).
    (socket.conn as { request: unknown }).request = null;
  });

  setRealtimeServer(io);
  return io;
}
