// The email status shown on in-app items ("Emailed 10:02 · delivered").
import { sql } from "@/lib/db";

export interface EmailStatus {
  /** queued, sending, sent, delivered, delivery_delayed, bounced, complained, failed, dead, suppressed */
  status: string;
  /** ISO time: when it was sent, or of the last change while it was not. */
  at: string;
}

/** The latest delivery of each notification (one query); notifications without email are absent. */
export async function emailStatusForNotifications(ids: string[]): Promise<Map<string, EmailStatus>> {
  if (ids.length === 0) return new Map();
  // On every inbox page: a prepared statement; times are stored in UTC without a zone.
  const rows = await sql<{ notificationId: string; status: string; sentAt: Date | null; updatedAt: Date }>(
    `SELECT DISTINCT ON ("notificationId") "notificationId", status,
            "sentAt" AT TIME ZONE 'UTC' AS "sentAt", "updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"
     FROM "EmailDelivery"
     WHERE "notificationId" = ANY($1::text[])
     ORDER BY "notificationId", "createdAt" DESC, id DESC`,
    [ids],
    "inbox_email_status",
  );
  return new Map(rows.map((row) => [row.notificationId, { status: row.status, at: (row.sentAt ?? row.updatedAt).toISOString() }]));
}
