// One event as the console shows it: the envelope as received (sensitive fields shown as
// "[redacted]": they were never stored), and the delivery trail per recipient joined with every
// email delivery attempt, so an admin can answer "why did this user (not) get this?".
import { db } from "@/lib/db";
import { getType } from "@/lib/notifications/catalog";
import { appliedRuleOf, unpackTrail, type TrailEntry } from "@/lib/notifications/trail";

const REDACTED = "[redacted]";

export interface DeliveryView {
  id: string;
  toAddress: string;
  role: string;
  status: string;
  attempts: number;
  lastError: string | null;
  subject: string | null;
  createdAt: Date;
  sentAt: Date | null;
  events: { id: string; kind: string; detail: string | null; at: Date }[];
}

export interface TrailView extends TrailEntry {
  /** The user's current email (the trail keeps the address it used; a user may have changed since). */
  userEmail?: string;
  delivery?: DeliveryView;
}

export async function getEventDetail(id: string) {
  const event = await db.event.findUnique({ where: { id } });
  if (!event) return null;
  const trail = unpackTrail(event.trail);
  const userIds = [
    ...new Set(trail.flatMap((entry) => (entry.userId ? [entry.userId] : [])).concat(event.actorId ?? [])),
  ];
  const sourceOrgIds = trail.flatMap((entry) => [
    entry.inApp?.preference?.sourceOrganizationId,
    entry.email?.preference?.sourceOrganizationId,
  ]);
  const orgIds = [
    ...new Set([event.organizationId, ...sourceOrgIds].filter((value): value is string => Boolean(value))),
  ];
  const [organizations, users, apiKey, deliveries] = await Promise.all([
    db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }),
    event.apiKeyId ? db.apiKey.findUnique({ where: { id: event.apiKeyId }, select: { name: true } }) : null,
    db.emailDelivery.findMany({
      where: { eventId: event.id },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        toAddress: true,
        role: true,
        status: true,
        attempts: true,
        lastError: true,
        subject: true,
        createdAt: true,
        sentAt: true,
        userId: true,
        events: { orderBy: { at: "asc" }, select: { id: true, kind: true, detail: true, at: true } },
      },
    }),
  ]);
  const orgName = new Map(organizations.map((org) => [org.id, org.name]));
  const userById = new Map(users.map((user) => [user.id, user]));
  const deliveryById = new Map(deliveries.map((delivery) => [delivery.id, delivery]));
  const withSourceName = <P extends { sourceOrganizationId?: string; sourceName?: string } | undefined>(
    preference: P,
  ): P =>
    preference?.sourceOrganizationId && !preference.sourceName
      ? { ...preference, sourceName: orgName.get(preference.sourceOrganizationId) }
      : preference;

  const entries: TrailView[] = trail.map((entry) => {
    const user = entry.userId ? userById.get(entry.userId) : undefined;
    // Prefer the id the trail names; fall back to the address for entries written without one.
    const delivery =
      (entry.email?.deliveryId ? deliveryById.get(entry.email.deliveryId) : undefined) ??
      (entry.email?.decision === "queued"
        ? deliveries.find((d) => d.toAddress === entry.address && d.userId === (entry.userId ?? null))
        : undefined);
    return {
      ...entry,
      name: entry.name ?? user?.name,
      userEmail: user?.email,
      inApp: entry.inApp && { ...entry.inApp, preference: withSourceName(entry.inApp.preference) },
      email: entry.email && { ...entry.email, preference: withSourceName(entry.email.preference) },
      delivery: delivery && { ...delivery, userId: undefined },
    };
  });

  const definition = getType(event.type);
  const data = { ...(event.data as Record<string, unknown>) };
  for (const field of definition?.sensitive ?? []) data[field] = REDACTED;
  const actor = event.actorId ? userById.get(event.actorId) : undefined;
  const envelope = {
    id: event.externalId,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    organizationId: event.organizationId,
    ...(event.actorId ? { actor: { userId: event.actorId } } : {}),
    data,
  };
  return {
    id: event.id,
    externalId: event.externalId,
    source: event.source,
    type: event.type,
    typeLabel: definition?.label ?? event.type,
    audience: definition ? { to: definition.to, cc: definition.cc } : null,
    /** The recipient rule that routed the event (null for events stored before recipient rules). */
    appliedRule: appliedRuleOf(event.trail),
    sensitive: definition?.sensitive ?? [],
    organizationId: event.organizationId,
    organizationName: orgName.get(event.organizationId) ?? null,
    actor: event.actorId ? { id: event.actorId, name: actor?.name ?? null } : null,
    occurredAt: event.occurredAt,
    receivedAt: event.receivedAt,
    apiKeyName: apiKey?.name ?? null,
    notificationCount: event.notificationCount,
    envelope,
    trail: entries,
    /** Deliveries the trail does not point at (should not happen; shown so nothing is hidden). */
    otherDeliveries: deliveries
      .filter((d) => !entries.some((entry) => entry.delivery?.id === d.id))
      .map((d) => ({ ...d, userId: undefined })),
  };
}

export type EventDetail = NonNullable<Awaited<ReturnType<typeof getEventDetail>>>;

export type TrailLookup =
  | { found: true; entries: TrailView[] }
  | { found: false; email: string; user: { name: string; organizationName: string; active: boolean } | null };

/** The trail entries of one address or user email: the "why did this user (not) get this?" search. */
export async function findInTrail(detail: EventDetail, email: string): Promise<TrailLookup> {
  const needle = email.trim().toLowerCase();
  const entries = detail.trail.filter(
    (entry) => entry.address?.toLowerCase() === needle || entry.userEmail?.toLowerCase() === needle,
  );
  if (entries.length) return { found: true, entries };
  const user = await db.user.findFirst({
    where: { email: { equals: needle, mode: "insensitive" } },
    select: { name: true, active: true, organization: { select: { name: true } } },
  });
  return {
    found: false,
    email: needle,
    user: user && { name: user.name, organizationName: user.organization.name, active: user.active },
  };
}
