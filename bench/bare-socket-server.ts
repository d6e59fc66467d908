// Baseline: a bare Socket.IO server (no Next, no auth, no database, no adapter) on a plain Node
// HTTP server. `POST /emit {userIds, eventId}` emits notification:new to each user's room, so the
// same load generator can drive it as the real ingest route. Started by bench/run.ts.
import { createServer } from "node:http";
import { Server } from "socket.io";

const sample = {
  type: "payment.currency_reset",
  category: "payments",
  title: "Billing currency changed to EUR",
  body: "USD is no longer offered by your seller, so your currency is EUR from Dec 1, 2026.",
  url: "https://portal.example.com/billing",
  readAt: null,
  archivedAt: null,
  critical: false,
  reason: "Sent to you directly by the platform",
};

const http = createServer((request, response) => {
  if (request.method !== "POST" || request.url !== "/emit") {
    response.writeHead(404).end();
    return;
  }
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    const { userIds, eventId } = JSON.parse(body) as { userIds: string[]; eventId: string };
    // One emit per user, as the app does (each user's item has its own id).
    for (const userId of userIds)
      io.to(`user:${userId}`).emit("notification:new", {
        ...sample,
        id: `${eventId}:${userId}`,
        eventId,
        createdAt: new Date().toISOString(),
      });
    response
      .writeHead(202, { "content-type": "application/json" })
      .end(JSON.stringify({ eventId, status: "accepted", notifications: userIds.length }));
  });
});

const io = new Server(http, { serveClient: false });
io.on("connection", (socket) => void socket.join(`user:${String(socket.handshake.auth.userId)}`));

http.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => {
  void io.close();
  process.exit(0);
});
