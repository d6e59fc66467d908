// Many real Socket.IO clients from this process, connected a few hundred at a time.
import { io as connect, type Socket } from "socket.io-client";

export interface ClientOptions {
  url: string;
  /** Cookie header (the app authenticates the handshake from the session cookie). */
  cookie?: string;
  /** Handshake auth (the bare baseline server reads the user id from it). */
  auth?: Record<string, string>;
}

export async function connectMany(clients: ClientOptions[], concurrency = 200): Promise<Socket[]> {
  const sockets: Socket[] = new Array(clients.length);
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < clients.length) {
      const index = next++;
      const client = clients[index]!;
      const socket = connect(client.url, {
        transports: ["websocket"],
        forceNew: true,
        reconnection: false,
        timeout: 30_000,
        extraHeaders: client.cookie ? { cookie: client.cookie } : undefined,
        auth: client.auth,
      });
      await new Promise<void>((resolve) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", (error) => {
          if (failures++ < 3) console.error(`socket ${index} failed to connect: ${error.message}`);
          resolve();
        });
      });
      sockets[index] = socket;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failures) throw new Error(`${failures} of ${clients.length} sockets failed to connect`);
  return sockets;
}

export function disconnectAll(sockets: Socket[]) {
  for (const socket of sockets) socket?.disconnect();
}

/** Calls `onDelivery(eventId, at)` for every notification:new any of these sockets receives. */
export function trackDeliveries(sockets: Socket[], onDelivery: (eventId: string, at: number) => void) {
  const listener = (item: { eventId: string }) => onDelivery(item.eventId, performance.now());
  for (const socket of sockets) socket.on("notification:new", listener);
  return () => sockets.forEach((socket) => socket.off("notification:new", listener));
}

/** Resolves with the time at which `count` deliveries of `eventId` have arrived (or null after the timeout). */
export function waitForDeliveries(sockets: Socket[], eventId: string, count: number, timeoutMs = 30_000) {
  return new Promise<{ lastAt: number | null; received: number }>((resolve) => {
    let received = 0;
    const timer = setTimeout(() => finish(null), timeoutMs);
    const stop = trackDeliveries(sockets, (id, at) => {
      if (id === eventId && ++received === count) finish(at);
    });
    function finish(lastAt: number | null) {
      clearTimeout(timer);
      stop();
      resolve({ lastAt, received });
    }
  });
}
