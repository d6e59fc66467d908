// A real Socket.IO server (the app's own createSocketServer) on a random port, and clients that
// connect to it with a session cookie, for tests of what a browser receives.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import { createSocketServer } from "@/lib/server/socket";
import { setRealtimeServer, type RealtimeServer } from "@/lib/realtime/emit";
import type { ServerToClientEvents } from "@/lib/realtime/protocol";

export interface RealtimeHarness {
  url: string;
  io: RealtimeServer;
  connect(cookie?: string): Promise<Socket<ServerToClientEvents>>;
  close(): Promise<void>;
}

export async function startRealtime(): Promise<RealtimeHarness> {
  const http: Server = createServer();
  const io = createSocketServer(http, { dev: false });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];
  return {
    url,
    io,
    connect(cookie) {
      const socket: Socket<ServerToClientEvents> = connect(url, {
        path: "/socket.io",
        transports: ["websocket"],
        extraHeaders: cookie ? { cookie } : {},
        reconnection: false,
      });
      sockets.push(socket);
      return new Promise((resolve, reject) => {
        socket.once("connect", () => resolve(socket));
        socket.once("connect_error", reject);
      });
    },
    async close() {
      sockets.forEach((s) => s.disconnect());
      await io.close();
      setRealtimeServer(undefined);
    },
  };
}

/** Resolves with the next payload of this event, or rejects after the timeout. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: Socket<ServerToClientEvents>,
  event: E,
  timeoutMs = 3000,
) {
  return new Promise<Parameters<ServerToClientEvents[E]>[0]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(
      event as never,
      ((payload: never) => {
        clearTimeout(timer);
        resolve(payload);
      }) as never,
    );
  });
}
