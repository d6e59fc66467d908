// The console's activity log: every event received (Event rows, "accepted") merged with every
// request that did not create one (IngestRejection rows: code "duplicate" → "duplicate", any other
// code → "rejected"), newest first. Keyset pagination over (receivedAt, id) across both tables:
// ids are UUIDv7 in both, so the pair is a total order and each page is one indexed range scan per
// table, merged here.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

const activityResults = ["accepted", "duplicate", "rejected"] as const;

// GET forms send "" for an untouched field: treat it as absent.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

// <input type="datetime-local"> sends "2026-11-26T18:00" without a zone; the console means UTC.
const instant = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const date = new Date(/(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "Expected a date and time such as 2026-11-26T18:00" });
      return z.NEVER;
    }
    return date;
  });

export const activityQuerySchema = z.object({
  type: optional(z.string().max(100)),
  organizationId: optional(z.string().max(200)),
  result: optional(z.enum(activityResults)),
  from: optional(instant),
  to: optional(instant),
  cursor: optional(z.string().max(200)),
  limit: optional(z.coerce.number().int().min(1).max(100)),
});

type ActivityQuery = z.infer<typeof activityQuerySchema>;

interface ActivityBase {
  id: string;
  receivedAt: Date;
  /** The platform's event id, when the request got far enough to have one. */
  externalId: string | null;
  type: string | null;
  organizationId: string | null;
  organizationName: string | null;
  apiKeyName: string | null;
}

export interface AcceptedActivity extends ActivityBase {
  result: "accepted";
  source: string;
  notificationCount: number;
  /** Email deliveries of this event by status, e.g. {queued: 2, sent: 1}. */
  emails: Record<string, number>;
}

export interface RejectedActivity extends ActivityBase {
  result: "duplicate" | "rejected";
  status: number;
  code: string;
  message: string;
  body: string | null;
  /** For a duplicate: our id of the event it repeated, to link to. */
  originalEventId: string | null;
}

export type ActivityItem = AcceptedActivity | RejectedActivity;

function encodeCursor(item: { receivedAt: Date; id: string }) {
  return Buffer.from(JSON.stringify([item.receivedAt.toISOString(), item.id])).toString("base64url");
}

function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const receivedAt = new Date(String(at));
    if (typeof id !== "string" || Number.isNaN(receivedAt.getTime())) throw new Error("bad cursor");
    return { receivedAt, id };
  } catch {
    throw new AppError("validation_failed", "Invalid request: cursor is not one this endpoint returned", [
      { path: "cursor", message: "Invalid cursor" },
    ]);
  }
}

const newestFirst = (a: { receivedAt: Date; id: string }, b: { receivedAt: Date; id: string }) =>
  b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export async function listActivity(query: ActivityQuery) {
  const limit = query.limit ?? 50;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const common = {
    ...(query.type ? { type: query.type } : {}),
    ...(query.organizationId ? { organizationId: query.organizationId } : {}),
    ...(query.from || query.to
      ? { receivedAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lte: query.to } : {}) } }
      : {}),
  };
  const keyset = after
    ? { OR: [{ receivedAt: { lt: after.receivedAt } }, { receivedAt: after.receivedAt, id: { lt: after.id } }] }
    : {};
  const orderBy = [{ receivedAt: "desc" as const }, { id: "desc" as const }];

  const [events, rejections] = await Promise.all([
    query.result && query.result !== "accepted"
      ? []
      : db.event.findMany({
          where: { AND: [common, keyset] },
          orderBy,
          take: limit + 1,
          select: {
            id: true,
            receivedAt: true,
            externalId: true,
            source: true,
            type: true,
            organizationId: true,
            apiKeyId: true,
            notificationCount: true,
          },
        }),
    query.result === "accepted"
      ? []
      : db.ingestRejection.findMany({
          where: {
            AND: [
              common,
              keyset,
              query.result === "duplicate"
                ? { code: "duplicate" }
                : query.result === "rejected"
                  ? { code: { not: "duplicate" } }
                  : {},
            ],
          },
          orderBy,
          take: limit + 1,
        }),
  ]);

  const merged = [
    ...events.map((row) => ({ ...row, kind: "event" as const })),
    ...rejections.map((row) => ({ ...row, kind: "rejection" as const })),
  ]
    .sort(newestFirst)
    .slice(0, limit + 1);
  const page = merged.slice(0, limit);
  const nextCursor = merged.length > limit ? encodeCursor(page[page.length - 1]!) : null;

  const pageEvents = page.flatMap((row) => (row.kind === "event" ? [row] : []));
  const pageRejections = page.flatMap((row) => (row.kind === "rejection" ? [row] : []));
  const orgIds = [...new Set(page.flatMap((row) => (row.organizationId ? [row.organizationId] : [])))];
  const keyIds = [...new Set(page.flatMap((row) => (row.apiKeyId ? [row.apiKeyId] : [])))];
  const duplicateIds = [
    ...new Set(pageRejections.flatMap((row) => (row.code === "duplicate" && row.externalId ? [row.externalId] : []))),
  ];
  const [orgs, keys, deliveries, originals] = await Promise.all([
    db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
    db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true } }),
    db.emailDelivery.groupBy({
      by: ["eventId", "status"],
      where: { eventId: { in: pageEvents.map((e) => e.id) } },
      _count: { _all: true },
    }),
    // The platform API's duplicates repeat a platform event; the console never repeats ids.
    db.event.findMany({
      where: { source: "platform", externalId: { in: duplicateIds } },
      select: { id: true, externalId: true },
    }),
  ]);
  const orgName = new Map(orgs.map((org) => [org.id, org.name]));
  const keyName = new Map(keys.map((key) => [key.id, key.name]));
  const original = new Map(originals.map((event) => [event.externalId, event.id]));
  const emails = new Map<string, Record<string, number>>();
  for (const group of deliveries) {
    const counts = emails.get(group.eventId) ?? {};
    counts[group.status] = group._count._all;
    emails.set(group.eventId, counts);
  }

  const items: ActivityItem[] = page.map((row) => {
    const base = {
      id: row.id,
      receivedAt: row.receivedAt,
      externalId: row.externalId,
      type: row.type,
      organizationId: row.organizationId,
      organizationName: row.organizationId ? (orgName.get(row.organizationId) ?? null) : null,
      apiKeyName: row.apiKeyId ? (keyName.get(row.apiKeyId) ?? null) : null,
    };
    if (row.kind === "event") {
      return {
        ...base,
        result: "accepted",
        source: row.source,
        notificationCount: row.notificationCount,
        emails: emails.get(row.id) ?? {},
      };
    }
    return {
      ...base,
      result: row.code === "duplicate" ? "duplicate" : "rejected",
      status: row.status,
      code: row.code,
      message: row.message,
      body: row.body,
      originalEventId: row.code === "duplicate" && row.externalId ? (original.get(row.externalId) ?? null) : null,
    };
  });
  return { items, nextCursor };
}

/** Organizations and types that appear in the filters. */
export async function listActivityFilterOptions() {
  return db.organization.findMany({ select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } });
}
