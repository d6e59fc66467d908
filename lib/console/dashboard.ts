// The console dashboard's figures: traffic per hour, delivery outcomes per channel, the queues,
// failure rates per reseller and the most frequent rejections. Every query starts from an indexed
// time column (Event.receivedAt, IngestRejection.receivedAt) or a queue's (status, runAt) index;
// per-event rows are reached through their eventId index.
import { Prisma } from "@/lib/generated/prisma/client";
import { db, sql } from "@/lib/db";
import { getOrgChains } from "@/lib/directory/org-cache";
import { queueSummaries } from "@/lib/observability/queues";

type DashboardRange = "24h" | "7d";
const HOUR = 60 * 60 * 1000;
const rangeHours: Record<DashboardRange, number> = { "24h": 24, "7d": 24 * 7 };

/** Email and webhook states that count as a failed delivery. */
const FAILED = ["failed", "dead", "bounced", "complained"];

export interface TrafficPoint {
  /** Start of the hour (ISO, UTC). */
  hour: string;
  events: number;
  notifications: number;
}

export interface ChannelOutcome {
  channel: "in_app" | "email" | "webhook";
  delivered: number;
  pending: number;
  failed: number;
}

interface ResellerFailures {
  resellerId: string;
  name: string;
  deliveries: number;
  failed: number;
  /** failed ÷ deliveries, 0–1. */
  rate: number;
}

// Timestamps are stored as UTC wall-clock time (timestamp(3)): bounds are passed the same way.
const utc = (date: Date) => Prisma.sql`${date.toISOString().replace("Z", "")}::timestamp`;

async function traffic(since: Date, hours: number, now: Date): Promise<TrafficPoint[]> {
  const rows = await db.$queryRaw<{ hour: Date; events: number; notifications: number }[]>(sql`
    SELECT date_trunc('hour', "receivedAt") AS hour, count(*)::int AS events,
           COALESCE(sum("notificationCount"), 0)::int AS notifications
    FROM "Event" WHERE "receivedAt" >= ${utc(since)}
    GROUP BY 1`);
  const byHour = new Map(rows.map((r) => [r.hour.getTime(), r]));
  const first = Math.floor(now.getTime() / HOUR) * HOUR - (hours - 1) * HOUR;
  return Array.from({ length: hours }, (_, i) => {
    const row = byHour.get(first + i * HOUR);
    return {
      hour: new Date(first + i * HOUR).toISOString(),
      events: row?.events ?? 0,
      notifications: row?.notifications ?? 0,
    };
  });
}

/** Email and webhook outcomes of the events received since `since`, per event organization. */
async function outcomesByOrganization(since: Date) {
  return db.$queryRaw<{ channel: "email" | "webhook"; organizationId: string; status: string; count: number }[]>(sql`
    WITH recent AS (SELECT id, "organizationId" FROM "Event" WHERE "receivedAt" >= ${utc(since)})
    SELECT 'email' AS channel, e."organizationId", d.status, count(*)::int AS count
    FROM recent e JOIN "EmailDelivery" d ON d."eventId" = e.id GROUP BY 2, 3
    UNION ALL
    SELECT 'webhook', e."organizationId", m.status, count(*)::int
    FROM recent e JOIN "WebhookMessage" m ON m."eventId" = e.id GROUP BY 2, 3`);
}

function outcomeOf(channel: "email" | "webhook", status: string): keyof Omit<ChannelOutcome, "channel"> {
  if (FAILED.includes(status)) return "failed";
  if (channel === "email") return ["queued", "sending"].includes(status) ? "pending" : "delivered";
  return status === "delivered" ? "delivered" : "pending";
}

async function resellerFailures(rows: Awaited<ReturnType<typeof outcomesByOrganization>>): Promise<ResellerFailures[]> {
  const chains = await getOrgChains([...new Set(rows.map((r) => r.organizationId))]);
  const byReseller = new Map<string, ResellerFailures>();
  for (const row of rows) {
    // "suppressed" emails were never attempted: they are neither a delivery nor a failure.
    if (row.status === "suppressed") continue;
    const reseller = chains.get(row.organizationId)?.find((org) => org.kind === "reseller");
    if (!reseller) continue;
    const entry = byReseller.get(reseller.id) ?? {
      resellerId: reseller.id,
      name: reseller.name,
      deliveries: 0,
      failed: 0,
      rate: 0,
    };
    entry.deliveries += row.count;
    if (outcomeOf(row.channel, row.status) === "failed") entry.failed += row.count;
    byReseller.set(reseller.id, entry);
  }
  return [...byReseller.values()]
    .map((entry) => ({ ...entry, rate: entry.deliveries ? entry.failed / entry.deliveries : 0 }))
    .sort((a, b) => b.rate - a.rate || b.failed - a.failed || a.name.localeCompare(b.name))
    .slice(0, 10);
}

async function queues() {
  return (await queueSummaries()).map(({ channel, waiting, oldestAgeSeconds }) => ({
    channel,
    waiting,
    oldestAgeSeconds: Math.round(oldestAgeSeconds),
  }));
}

async function topRejections(since: Date) {
  return db.$queryRaw<{ code: string; count: number; example: string }[]>(sql`
    SELECT code, count(*)::int AS count, (array_agg(message ORDER BY "receivedAt" DESC))[1] AS example
    FROM "IngestRejection" WHERE "receivedAt" >= ${utc(since)} AND code <> 'duplicate'
    GROUP BY code ORDER BY count DESC, code LIMIT 5`);
}

export async function getDashboard(range: DashboardRange, now = new Date()) {
  const hours = rangeHours[range];
  const since = new Date(Math.floor(now.getTime() / HOUR) * HOUR - (hours - 1) * HOUR);
  const day = new Date(now.getTime() - 24 * HOUR);
  const [points, outcomes, queueRows, rejections] = await Promise.all([
    traffic(since, hours, now),
    outcomesByOrganization(day),
    queues(),
    topRejections(day),
  ]);
  const channels: ChannelOutcome[] = [
    {
      channel: "in_app",
      // In-app items are delivered when stored; the live push is a hint on top.
      delivered: points.slice(-24).reduce((sum, p) => sum + p.notifications, 0),
      pending: 0,
      failed: 0,
    },
    ...(["email", "webhook"] as const).map((channel) => {
      const outcome: ChannelOutcome = { channel, delivered: 0, pending: 0, failed: 0 };
      for (const row of outcomes) {
        if (row.channel === channel && row.status !== "suppressed")
          outcome[outcomeOf(channel, row.status)] += row.count;
      }
      return outcome;
    }),
  ];
  return {
    range,
    traffic: points,
    channels,
    queues: queueRows,
    resellers: await resellerFailures(outcomes),
    rejections,
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
