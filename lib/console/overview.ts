// The console overview's figures: what arrived in the last 24 hours and what the center holds.
import { db } from "@/lib/db";

export async function getConsoleOverview(now = new Date()) {
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [accepted, duplicates, rejected, notifications, failedEmails, activeKeys, organizations, users] =
    await Promise.all([
      db.event.count({ where: { receivedAt: { gte: since } } }),
      db.ingestRejection.count({ where: { receivedAt: { gte: since }, code: "duplicate" } }),
      db.ingestRejection.count({ where: { receivedAt: { gte: since }, code: { not: "duplicate" } } }),
      db.notification.count({ where: { createdAt: { gte: since } } }),
      db.emailDelivery.count({
        where: { createdAt: { gte: since }, status: { in: ["failed", "dead", "bounced", "complained"] } },
      }),
      db.apiKey.count({ where: { revokedAt: null } }),
      db.organization.count(),
      db.user.count({ where: { active: true } }),
    ]);
  return { accepted, duplicates, rejected, notifications, failedEmails, activeKeys, organizations, users };
}
