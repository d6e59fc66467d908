// Work that runs beside the HTTP server: the Socket.IO cross-instance adapter and the email worker
// are added here as they land.
import type { RealtimeServer } from "@/lib/realtime/emit";

export async function startBackgroundServices(_io: RealtimeServer) {
  return { stop: async () => {} };
}
