// Section 3: end to end — an event posted at a steady rate until its notification:new reaches the
// recipient's socket — with N connected clients; next to a bare Socket.IO server driven the same way.
import type { Socket } from "socket.io-client";
import { runLoad } from "./load";
import { directEvent, nextEventId, pick } from "./events";
import { trackDeliveries } from "./sockets";
import { percentiles, type Metric } from "./stats";

export interface DeliveryOptions {
  url: string;
  path: string;
  headers: Record<string, string>;
  sockets: Socket[];
  userIds: string[];
  rate: number;
  seconds: number;
  body(eventId: string, userId: string): unknown;
}

export async function measureDelivery(options: DeliveryOptions): Promise<Metric> {
  const sentAt = new Map<string, number>();
  const accepted = new Set<string>();
  const latencies: number[] = [];
  const stop = trackDeliveries(options.sockets, (eventId, at) => {
    const sent = sentAt.get(eventId);
    if (sent !== undefined) {
      latencies.push(at - sent);
      sentAt.delete(eventId);
    }
  });
  const load = await runLoad({
    url: options.url,
    // Enough connections that the rate holds while responses take up to ~150 ms.
    connections: Math.max(16, Math.ceil(options.rate / 6)),
    duration: options.seconds,
    rate: options.rate,
    request: {
      method: "POST",
      path: options.path,
      headers: { ...options.headers, "content-type": "application/json" },
      setupRequest: (req) => {
        const id = nextEventId("e2e");
        sentAt.set(id, performance.now());
        return { ...req, body: JSON.stringify(options.body(id, pick(options.userIds))) };
      },
      onResponse: (status, body) => {
        if (status === 202) accepted.add((JSON.parse(body) as { eventId: string }).eventId);
      },
    },
  });
  await new Promise((r) => setTimeout(r, 2000)); // stragglers
  stop();
  const lost = [...accepted].filter((id) => sentAt.has(id)).length;
  const latency = percentiles(latencies);
  if (!latency) return { value: 0, unit: "ms", detail: `nothing delivered; ${load.metric.detail ?? ""}` };
  const detail = [`${latency.count} delivered at ${(load.ok / load.seconds).toFixed(0)}/s`, lost ? `${lost} lost` : "", load.metric.detail ?? ""];
  return { value: latency.p99, unit: "ms", latency, detail: detail.filter(Boolean).join(", ") };
}

export const appDeliveryBody = (eventId: string, userId: string) => directEvent(eventId, userId);
export const bareDeliveryBody = (eventId: string, userId: string) => ({ eventId, userIds: [userId] });
