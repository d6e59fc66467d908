// Boots the whole product in one process: configuration, database (embedded when needed),
// migrations, demo data, Next.js and Socket.IO on one HTTP port, and graceful shutdown.
import { createServer } from "node:http";
import next from "next";
import { disconnectDb } from "@/lib/db";
import { describeDemoAccounts, isDatabaseEmpty, seedDemoData } from "@/lib/demo/seed";
import { loadConfiguration } from "@/lib/server/local-config";
import { openDatabase } from "@/lib/server/database";
import { createSocketServer } from "@/lib/server/socket";
import { startBackgroundServices } from "@/lib/server/background";

export async function startServer(options: { onShutdown?: () => Promise<void> } = {}) {
  const config = loadConfiguration();
  const dev = config.NODE_ENV !== "production";
  const database = await openDatabase();

  const seed = process.env.SEED_DEMO_DATA ?? (dev || database.embedded ? "auto" : "false");
  const seeded = seed === "true" || (seed === "auto" && (await isDatabaseEmpty()));
  if (seeded) await seedDemoData();

  const app = next({ dev, hostname: "localhost", port: config.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => void handle(req, res));
  const io = createSocketServer(server, { dev });
  const background = await startBackgroundServices(io);

  await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
  console.log(`\nNotification center ready on ${config.APP_URL}${database.embedded ? " (embedded Postgres in .data/)" : ""}`);
  if (seeded || database.embedded) console.log(`Demo accounts:\n${describeDemoAccounts()}\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    // Stops accepting, disconnects sockets, then waits for in-flight requests to finish.
    await new Promise<void>((resolve) => {
      server.once("close", () => resolve());
      void io.close();
      server.closeIdleConnections();
    });
    clearTimeout(force);
    await background.stop();
    await disconnectDb();
    await database.stop();
    await options.onShutdown?.();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
