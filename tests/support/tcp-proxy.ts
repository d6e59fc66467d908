// A TCP proxy in front of Postgres (127.0.0.1 only) that fault tests turn off and on: `down()`
// cuts every open connection and refuses new ones (what a crashed or restarting database looks
// like to its clients), `up()` accepts again.
import { createServer, connect, type Server, type Socket } from "node:net";

interface TcpProxy {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  through(url: string): string;
  /** Connections accepted so far (each a client's connection attempt that reached the proxy). */
  accepted(): number;
  /** Open client connections. */
  open(): number;
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let server: Server | undefined;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        accepted++;
        const upstream = connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {});
        }
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => {
        port = (next.address() as { port: number }).port;
        server = next;
        resolve();
      });
    });
  await listen();

  return {
    get port() {
      return port;
    },
    through(url) {
      const parsed = new URL(url);
      parsed.hostname = "127.0.0.1";
      parsed.port = String(port);
      return parsed.toString();
    },
    accepted: () => accepted,
    open: () => [...sockets].length / 2,
    async down() {
      const closing = server;
      server = undefined;
      // close() stops accepting at once but calls back only when the last connection is gone.
      const closed = closing && new Promise<void>((resolve) => closing.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    async up() {
      if (!server) await listen();
    },
    async close() {
      const closing = server;
      server = undefined;
      const closed = closing && new Promise<void>((resolve) => closing.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
