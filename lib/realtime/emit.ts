// Emits to a user's room from anywhere in the server process. The Socket.IO server lives on
// globalThis because Next bundles route handlers separately from server.ts.
import "server-only";
import type { Server } from "socket.io";
import { countPushes } from "@/lib/observability/metrics";
import { userRoom, type ClientToServerEvents, type ServerToClientEvents } from "@/lib/realtime/protocol";

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

const globalForIo = globalThis as unknown as { __io?: RealtimeServer };

export function setRealtimeServer(io: RealtimeServer | undefined) {
  globalForIo.__io = io;
}

export function getRealtimeServer() {
  return globalForIo.__io;
}

export function emitToUser<E extends keyof ServerToClientEvents>(
  userId: string,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
) {
  if (!globalForIo.__io) return;
  globalForIo.__io.to(userRoom(userId)).emit(event, ...args);
  countPushes(event);
}
