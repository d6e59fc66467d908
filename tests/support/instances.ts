// Several app instances in one test process: each is its own HTTP server with the app's own
// Socket.IO server (createSocketServer) and background services (the cross-instance adapter), all
// on the test database — what `tsx server.ts` twice would run, minus Next.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { createClient } from "redis";
import { io as connect, type Socket } from "socket.io-client";
import { createSocketServer } from "@/lib/server/socket";
import { startBackgroundServices } from "@/lib/server/background";
import { attachSocketAdapter } from "@/lib/server/socket-adapter";
import { emitToUser, setRealtimeServer, type RealtimeServer } from "@/lib/realtime/emit";
import type { ServerToClientEvents } from "@/lib/realtime/protocol";

export interface Instance {
  url: string;
  io: RealtimeServer;
  adapter: string;
  connect(cookie: string): Promise<Socket<ServerToClientEvents>>;
  /** `emitToUser` as code running on this instance calls it. */
  emitToUser: typeof emitToUser;
  close(): Promise<void>;
}

/**
 * `peerGraceMs` attaches the Postgres adapter directly with that grace period (instead of the
 * background services' default), for tests of an instance that has been alone for a while.
 */
export async function startInstance(
  config: { REDIS_URL?: string } = {},
  options: { peerGraceMs?: number } = {},
): Promise<Instance> {
  const http: Server = createServer();
  const io = createSocketServer(http, { dev: false });
  const background =
    options.peerGraceMs === undefined
      ? // Events other tests stored without sockets stay unpublished: no sweepers pushing them here.
        await startBackgroundServices(io, config, { publicationSweeper: false, snoozeSweeper: false })
      : await attachSocketAdapter(io, {
          databaseUrl: process.env.DATABASE_URL!,
          peerGraceMs: options.peerGraceMs,
        }).then((handle) => ({
          adapter: handle.kind,
          stop: handle.close,
        }));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const sockets: Socket[] = [];
  return {
    url,
    io,
    adapter: background.adapter,
    connect(cookie) {
      const socket: Socket<ServerToClientEvents> = connect(url, {
        transports: ["websocket"],
        extraHeaders: { cookie },
        reconnection: false,
      });
      sockets.push(socket);
      return new Promise((resolve, reject) => {
        socket.once("connect", () => resolve(socket));
        socket.once("connect_error", reject);
      });
    },
    emitToUser(userId, event, ...args) {
      // The realtime server is a per-process global; in one test process, point it at this instance.
      setRealtimeServer(io);
      emitToUser(userId, event, ...args);
    },
    async close() {
      sockets.forEach((s) => s.disconnect());
      await io.close();
      await background.stop();
      setRealtimeServer(undefined);
    },
  };
}

/** Resolves once every instance sees `count` servers: adapters discover each other by heartbeat. */
export async function waitForCluster(instances: Instance[], timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await Promise.all(instances.map((i) => i.io.of("/").adapter.serverCount()));
    if (counts.every((c) => c >= instances.length)) return;
    if (Date.now() > deadline)
      throw new Error(`instances did not discover each other (server counts ${counts.join(", ")})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createNetServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

async function pingable(url: string) {
  const client = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 1000 } });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (client.isOpen) await client.close();
  }
}

/**
 * TEST_REDIS_URL when set (CI exports it), otherwise a throwaway redis-server started here.
 * Never silently skips: without either, it throws and the Redis tests fail with that message.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const given = process.env.TEST_REDIS_URL;
  if (given) {
    if (!(await pingable(given))) throw new Error(`TEST_REDIS_URL=${given} does not answer PING`);
    return { url: given, stop: async () => {} };
  }
  const binary = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/opt/homebrew/bin/redis-server"].find(
    existsSync,
  );
  if (!binary)
    throw new Error("Redis tests need TEST_REDIS_URL or a redis-server binary (e.g. apt-get install redis-server)");
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (!(await pingable(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`redis-server on port ${port} did not start`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}
