// Section 3: end to end — an event posted at a steady rate until its notification:new reaches the
// recipient's socket — with N connected clients; next to a bare Socket.IO server driven the same
// way. The rate is paced request by request (paced.ts), not in autocannon's per-second bursts.
import type { Socket } from "socket.io-client";
import { pacedLoad } from "./paced";
import { directEvent, nextEventId, pick } from "./events";
import { trackDeliveries } from "./sockets";
import { percentiles, type Metric } from "./stats";

interface DeliveryOptions {
  url: string;
  path: string;
  headers: Record<string, string>;
  sockets: Socket[];
  userIds: string[];
  rate: number;
  seconds: number;
  warmUpSeconds: number;
  body(eventId: string, userId: string): unknown;
}

export async function measureDelivery(options: DeliveryOptions): Promise<Metric> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const stop = trackDeliveries(options.sockets, (eventId, at) => {
    const sent = sentAt.get(eventId);
    if (sent !== undefined) {
      latencies.push(at - sent);
      sentAt.delete(eventId);
    }
  });
  const paced = (seconds: number, measured: boolean) =>
    pacedLoad({
      url: options.url,
      path: options.path,
      headers: options.headers,
      rate: options.rate,
      seconds,
      body: () => {
        const id = nextEventId("e2e");
        if (measured) sentAt.set(id, performance.now());
        return JSON.stringify(options.body(id, pick(options.userIds)));
      },
    });
  await paced(options.warmUpSeconds, false); // unmeasured: connections, JIT
  const load = await paced(options.seconds, true);
  await new Promise((r) => setTimeout(r, 2000)); // stragglers
  stop();
  const latency = percentiles(latencies);
  const failed = load.failed ? `${load.failed} requests failed` : "";
  if (!latency) return { value: 0, unit: "ms", detail: ["nothing delivered", failed].filter(Boolean).join(", ") };
  // Accepted events whose notification never arrived (failed requests never left a notification).
  const lost = load.ok - latency.count;
  const detail = [
    `${latency.count} delivered at ${(latency.count / load.seconds).toFixed(0)}/s`,
    lost > 0 ? `${lost} lost` : "",
    failed,
  ];
  return { value: latency.p99, unit: "ms", latency, detail: detail.filter(Boolean).join(", ") };
}

export const appDeliveryBody = (eventId: string, userId: string) => directEvent(eventId, userId);
export const bareDeliveryBody = (eventId: string, userId: string) => ({ eventId, userIds: [userId] });
