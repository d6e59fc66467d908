// Tells an organization's admins in-app that one of its webhook endpoints was disabled after
// failing for 3 days. Stored as an Event of source "webhooks" (so it shows in the console's
// activity with its trail) with one Notification per active admin, and pushed live like any other.
// Not a catalog type: the catalog is the Platform API's contract, and this event never comes from it.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { publishNotifications } from "@/lib/notifications/publish";
import { packTrail, type TrailEntry } from "@/lib/notifications/trail";
import { uuidv7 } from "@/lib/uuid";

const ENDPOINT_DISABLED_TYPE = "webhook.endpoint_disabled";

export async function notifyEndpointDisabled(
  endpoint: { id: string; organizationId: string; url: string; description: string },
  now: Date,
) {
  const admins = await db.user.findMany({
    where: { organizationId: endpoint.organizationId, role: "admin", active: true },
    select: { id: true, name: true, email: true },
  });
  const host = safeHost(endpoint.url);
  const title = "A webhook endpoint was disabled";
  const body = `${endpoint.description || host} failed every delivery for 3 days and was turned off. Fix the receiver, then turn it back on.`;
  const url = `${env().APP_URL}/admin/organizations/${encodeURIComponent(endpoint.organizationId)}/webhooks`;
  const eventId = uuidv7();
  const externalId = `webhook_disabled_${endpoint.id}_${now.getTime()}`;
  const notifications = admins.map((admin) => ({ id: uuidv7(), userId: admin.id }));
  const trail: TrailEntry[] = admins.map((admin, index) => ({
    userId: admin.id,
    name: admin.name,
    address: admin.email,
    role: "to",
    via: ["explicit"],
    inApp: { decision: "created", notificationId: notifications[index]!.id },
  }));
  const reason = "You are an admin of the organization that owns this webhook endpoint";
  await db.$transaction([
    db.event.create({
      data: {
        id: eventId,
        source: "webhooks",
        externalId,
        type: ENDPOINT_DISABLED_TYPE,
        organizationId: endpoint.organizationId,
        occurredAt: now,
        data: { endpointId: endpoint.id, url: endpoint.url },
        trail: JSON.parse(packTrail(trail)),
        notificationCount: notifications.length,
      },
    }),
    db.notification.createMany({
      data: notifications.map((n) => ({
        id: n.id,
        userId: n.userId,
        eventId,
        type: ENDPOINT_DISABLED_TYPE,
        category: "organizations",
        title,
        body,
        url,
        reason,
        critical: true,
        createdAt: now,
      })),
    }),
  ]);
  publishNotifications([
    {
      id: eventId,
      eventId: externalId,
      notifications: notifications.map((n) => ({
        id: n.id,
        userId: n.userId,
        type: ENDPOINT_DISABLED_TYPE,
        category: "organizations",
        title,
        body,
        url,
        reason,
        critical: true,
        actorName: null,
        createdAt: now,
        readAt: null,
        archivedAt: null,
      })),
    },
  ]);
}

function safeHost(url: string) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
