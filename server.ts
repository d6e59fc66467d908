// Custom server: Next.js and Socket.IO on one port. The wiring lives in lib/server/start.ts.
import { startServer } from "@/lib/server/start";

startServer().catch((error) => {
  console.error(error);
  process.exit(1);
});
