// kill -9 of the production server while its email queue is mid-send (Resend's batch API, the SDK
// against the local fake provider, every answer slowed so that requests are in flight): another
// instance takes the orphaned jobs over once their lease runs out, and every email reaches the
// provider exactly once. Sending the same email again under the same idempotency key is allowed
// (the provider answers the first result and sends nothing); under another key it would be a
// second email in the recipient's inbox.
import { expect, test } from "@playwright/test";
import { startFakeResend } from "../support/fake-resend";
import { createFaultDatabase, post, quietEvent, sleep, startServerProcess } from "./support";

const JOBS = 60;
// The production defaults (EMAIL_LEASE_SECONDS): orphans are taken over this long after the crash at most.
const LEASE_MS = 20_000;

test("kill -9 mid-queue: no email lost, none sent twice under different keys, orphans resumed within 30 s", async () => {
  test.setTimeout(120_000);
  const database = await createFaultDatabase("nc_fault_kill");
  const fake = await startFakeResend();
  // Each answer takes 1.5 s: batches are in flight (sent, maybe accepted, unanswered) at the crash.
  fake.setDelay(1_500);
  // One public APP_URL for both instances, as behind a load balancer (it is in every email's links).
  // Batches of 20: the 60 jobs go out in at least three requests, whatever the claims look like (the
  // worker claims later and more at once while ingest keeps the API busy, QUEUE_YIELD_ELU), so that
  // some are accepted and a batch of 20 is still held by the provider at the crash.
  const env = {
    APP_URL: "http://localhost:3999",
    EMAIL_BATCH_SIZE: "20",
    EMAIL_DISABLED: "false",
    RESEND_API_KEY: "re_fault_fake",
    RESEND_BASE_URL: fake.url,
  };
  const first = await startServerProcess({ databaseUrl: database.url, env });
  let second: Awaited<ReturnType<typeof startServerProcess>> | undefined;
  try {
    const auth = { authorization: `Bearer ${database.apiKey}` };
    // The platform sends events in a steady trickle, four at a time: the worker claims and batches as they come.
    const events = Array.from({ length: JOBS }, () => quietEvent("kill"));
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < events.length) {
          const event = events[next++]!;
          const answer = await post(first.url, "/api/v1/events", event, auth);
          expect(answer.status, answer.body).toBe(202);
        }
      }),
    );
    const jobs = await database.query<{ id: string }>(`SELECT id FROM "EmailDelivery"`);
    expect(jobs.length).toBe(JOBS);

    // Crash once some emails were accepted, while a batch of at least 20 is held by the provider.
    const sending = async () =>
      (
        await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM "EmailDelivery" WHERE status = 'sending'`)
      )[0]!.n;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      // The provider's side is read after the query, and the crash follows in the same tick: a request
      // seen held here is still held when the process dies (two batches can end a few ms apart).
      const claimed = await sending();
      if (claimed >= 20 && fake.sent.length > 0 && fake.pending() > 0) break;
      await sleep(20);
    }
    expect(fake.pending(), "no provider request in flight").toBeGreaterThan(0);
    first.child.kill("SIGKILL");
    const crashedAt = Date.now();
    await first.exited;
    const orphans = await database.query<{ id: string }>(`SELECT id FROM "EmailDelivery" WHERE status = 'sending'`);
    const waiting = await database.query<{ id: string }>(`SELECT id FROM "EmailDelivery" WHERE status = 'queued'`);
    console.log(
      `at the crash: ${fake.sent.length} accepted, ${orphans.length} jobs claimed and unfinished, ${waiting.length} queued`,
    );
    expect(orphans.length, "too few jobs in flight at the crash").toBeGreaterThanOrEqual(20);

    second = await startServerProcess({ databaseUrl: database.url, env });
    const unsent = async () =>
      (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM "EmailDelivery" WHERE status <> 'sent'`))[0]!
        .n;
    const doneBy = crashedAt + LEASE_MS + 25_000;
    while ((await unsent()) > 0 && Date.now() < doneBy) await sleep(200);
    const states = await database.query<{ status: string; n: number; lastError: string | null }>(
      `SELECT status, "lastError", count(*)::int AS n FROM "EmailDelivery" GROUP BY 1, 2`,
    );
    expect(states, "every job sent").toEqual([{ status: "sent", lastError: null, n: JOBS }]);

    // 0 lost: the provider accepted every job's email. 0 sent twice under different keys: once each.
    const acceptedKeys = new Map<string, string[]>();
    for (const email of fake.sent) {
      const job = (email.body.tags as { name: string; value: string }[]).find(
        (tag) => tag.name === "delivery_id",
      )!.value;
      acceptedKeys.set(job, [...(acceptedKeys.get(job) ?? []), email.key ?? "(none)"]);
    }
    expect(new Set(acceptedKeys.keys())).toEqual(new Set(jobs.map((job) => job.id)));
    const twice = [...acceptedKeys].filter(([, keys]) => keys.length > 1);
    expect(twice, "emails accepted more than once").toEqual([]);

    // Orphans resumed within 30 s of the crash: the second instance asked the provider for each of them.
    const orphanIds = new Set(orphans.map((job) => job.id));
    const resumedAt = new Map<string, number>();
    for (const request of fake.requests) {
      if (request.at < crashedAt) continue;
      const emails = (request.path === "/emails/batch" ? request.body : [request.body]) as {
        tags: { name: string; value: string }[];
      }[];
      for (const email of emails) {
        const job = email.tags.find((tag) => tag.name === "delivery_id")!.value;
        if (orphanIds.has(job) && !resumedAt.has(job)) resumedAt.set(job, request.at);
      }
    }
    expect(resumedAt.size, "orphans never sent again").toBe(orphanIds.size);
    const latest = Math.max(...resumedAt.values()) - crashedAt;
    console.log(`orphans: ${orphanIds.size}, all resumed ${latest} ms after the crash`);
    expect(latest).toBeLessThanOrEqual(30_000);
    expect(second.output()).not.toMatch(/uncaught|unhandled/i);
  } finally {
    await first.stop();
    await second?.stop();
    await fake.close();
    await database.drop();
  }
});
