// Boots the whole product in one process: configuration, database (embedded when needed),
// migrations, demo data, Next.js and Socket.IO on one HTTP port, and graceful shutdown.
import { EventEmitter } from "node:events";
import type { Duplex } from "node:stream";
import { createServer, type Server as HttpServer } from "node:http";
import next from "next";
import { explainMethodNotAllowed } from "@/lib/api/method-not-allowed";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "@/lib/client-address";
import { disconnectDb } from "@/lib/db";
import { loadDemoDataAtStart } from "@/lib/demo/at-start";
import { baselineHeaders, NON_PAGE_CSP } from "@/lib/security/headers";
import { limitRequestBody } from "@/lib/server/body-limit";
import { listenHost } from "@/lib/env";
import { loadConfiguration } from "@/lib/server/local-config";
import { openDatabase } from "@/lib/server/database";
import { createHttpDrain, HTTP_DRAIN_MS, onShutdownSignal } from "@/lib/server/shutdown";
import { markShuttingDown } from "@/lib/server/readiness";
import { startTracing } from "@/lib/observability/tracing-sdk";
import { createSocketServer, SOCKET_PATH } from "@/lib/server/socket";
import { startBackgroundServices } from "@/lib/server/background";

export async function startServer(options: { onShutdown?: () => Promise<void> } = {}) {
  const config = loadConfiguration();
  const dev = config.NODE_ENV !== "production";
  // tsx turns on Node's source-map support, and with it Node loads and keeps the map of every
  // server chunk Next loads: ~80 MB of the production server's memory. `next start` runs without
  // it; so do we in production, unless asked for with --enable-source-maps.
  if (!dev && !`${process.execArgv} ${config.NODE_OPTIONS}`.includes("--enable-source-maps"))
    process.setSourceMapsEnabled(false);
  const stopTracing = config.OTEL_EXPORTER_OTLP_ENDPOINT ? startTracing() : undefined;
  const database = await openDatabase();

  const demo: string[] = [];
  await loadDemoDataAtStart({ dev, log: (line) => demo.push(line) });

  // Left to itself, Next listens to every WebSocket upgrade on the server, Socket.IO's included:
  // it routes each one and keeps an abort listener on the connection for as long as it lives.
  // Next gets its own upgrade channel instead, and only the upgrades that are not Socket.IO's
  // (the development hot reloader's).
  const nextUpgrades = new EventEmitter();
  const app = next({ dev, hostname: "localhost", port: config.PORT, httpServer: nextUpgrades as HttpServer });
  await app.prepare();
  const handle = app.getRequestHandler();
  const http = createHttpDrain();
  const securityHeaders = Object.entries(baselineHeaders(config.APP_URL));
  const server = createServer(
    http.guard((req, res) => {
      for (const [name, value] of securityHeaders) res.setHeader(name, value);
      // Pages replace it with their own nonce policy (proxy.ts); everything else keeps this one.
      res.setHeader("Content-Security-Policy", NON_PAGE_CSP);
      // Worked out here, where the connection is known; whatever the client sent under this name is replaced.
      req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
        req.socket.remoteAddress,
        req.headers["x-forwarded-for"],
        config.TRUST_PROXY,
      );
      // Bodies over the cap are refused here, before Next: no route or NextAuth callback reads them.
      limitRequestBody(req, res, () => {
        if (req.url?.startsWith("/api/")) explainMethodNotAllowed(req, res);
        void handle(req, res);
      });
    }),
  );
  // Idle keep-alive connections stay open longer than clients and the proxies in front keep theirs
  // (load balancers: 60 s), so the server is not the side that closes one just as a request is sent
  // on it (that request fails with ECONNRESET; Node's default of 5 s made it happen under load).
  // Shutdown still closes idle connections at once.
  server.keepAliveTimeout = 65_000;
  // Next attaches its upgrade listener on its first request: an upgrade before that (a dev tab's
  // hot reloader reconnecting) has no one to answer it. The ones Next holds are closed at shutdown.
  const nextSockets = new Set<Duplex>();
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith(SOCKET_PATH)) return;
    if (nextUpgrades.listenerCount("upgrade") === 0) return void socket.destroy();
    nextSockets.add(socket);
    socket.once("close", () => nextSockets.delete(socket));
    nextUpgrades.emit("upgrade", req, socket, head);
  });
  const io = createSocketServer(server, { dev });
  const background = await startBackgroundServices(io);

  await new Promise<void>((resolve) => server.listen(config.PORT, listenHost(config), resolve));
  console.log(
    `\nNotification center ready on ${config.APP_URL}${database.embedded ? " (embedded Postgres in .data/)" : ""}`,
  );
  for (const line of demo) console.log(line);

  onShutdownSignal(async (signal) => {
    console.log(`${signal}: shutting down`);
    markShuttingDown();
    // The email and webhook workers take no new job and finish their sends meanwhile.
    const workersStopped = background.stopWorkers();
    // Answers the requests in flight, refuses new ones, disconnects the sockets.
    await http.drain(server, {
      forceAfterMs: HTTP_DRAIN_MS,
      closeOthers: () => {
        void io.close();
        for (const socket of nextSockets) socket.destroy();
      },
    });
    await workersStopped;
    await background.stop();
    await disconnectDb();
    await database.stop();
    await stopTracing?.();
    await options.onShutdown?.();
  });
}
