// What the accessibility scan needs to see every page filled in: a customer of its own with
// notifications of every category (a critical one, read, unread and archived ones, more than a
// page), the event's id for the console, and the unsubscribe links of its captured emails.
import pg from "pg";
import { expect, type Page } from "@playwright/test";
import { catalog, categoryKeys, notificationTypes } from "../../../lib/notifications/catalog";
import { state, uniqueId, type Platform } from "../fixtures";
import { createUser, renewal, renewalFailed, sendBatch, type TestUser } from "../inbox-helpers";

export interface ScanData {
  platform: Platform;
  customer: TestUser;
  /** The console id of the critical event. */
  eventId: string;
  /** A captured email's id (development mailbox). */
  emailId: string;
  unsubscribe: { renewed: string; critical: string };
}

export async function createScanData(platform: Platform): Promise<ScanData> {
  const customer = await createUser(platform, "Cora Customer");
  const types = categoryKeys.map((category) =>
    notificationTypes.find((type) => catalog[type].category === category && !catalog[type].critical)!,
  );
  const critical = renewalFailed(customer, "Microsoft 365 E3");
  await sendBatch(platform, [
    ...Array.from({ length: 24 }, (_, i) => renewal(customer, `Scan plan ${i}`)),
    ...types.map((type) => ({
      id: uniqueId("evt_scan"),
      type,
      occurredAt: new Date().toISOString(),
      organizationId: customer.orgId,
      recipients: { userIds: [customer.userId] },
      data: catalog[type].example,
    })),
    critical,
  ]);

  const client = new pg.Client({ connectionString: state().databaseUrl });
  await client.connect();
  try {
    const event = await client.query<{ id: string }>(`SELECT id FROM "Event" WHERE "externalId" = $1`, [critical.id]);
    const address = `${customer.userId}@inbox.example`;
    // The email worker sends in the background: wait for both kinds of email.
    const emails = async () =>
      (
        await client.query<{ id: string; subject: string; link: string }>(
          `SELECT id, subject, headers->>'List-Unsubscribe' AS link FROM "CapturedEmail" WHERE "to" = $1`,
          [address],
        )
      ).rows;
    const both = (rows: { subject: string }[]) =>
      rows.some((r) => /^Renewed/.test(r.subject)) && rows.some((r) => /renewal failed/i.test(r.subject));
    await expect.poll(async () => both(await emails()), { timeout: 20_000 }).toBe(true);
    const rows = await emails();
    const link = (match: RegExp) => {
      const row = rows.find((r) => match.test(r.subject));
      const url = /<([^>]+)>/.exec(row?.link ?? "")?.[1];
      expect(url, `an unsubscribe link in an email matching ${match}`).toBeTruthy();
      return new URL(url!).pathname + new URL(url!).search;
    };
    return {
      platform,
      customer,
      eventId: event.rows[0]!.id,
      emailId: rows.find((r) => /renewal failed/i.test(r.subject))?.id ?? rows[0]!.id,
      unsubscribe: { renewed: link(/^Renewed/), critical: link(/renewal failed/i) },
    };
  } finally {
    await client.end();
  }
}

/** In the customer's session: two read, one archived, the rest unread. */
export async function markSomeRead(page: Page) {
  await page.evaluate(async () => {
    const { items } = (await (await fetch("/api/notifications?limit=5")).json()) as { items: { id: string }[] };
    const patch = (id: string, body: object) =>
      fetch(`/api/notifications/${id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    await patch(items[1]!.id, { read: true });
    await patch(items[3]!.id, { read: true });
    await patch(items[4]!.id, { archived: true });
  });
}
