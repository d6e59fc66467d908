// Section 6: email at volume. Render only (React Email, one thread, in this process), bare send
// (the Resend SDK sending pre-rendered messages to the fake, one per request and 100 per batch),
// the pipeline (claim → render → send → mark, in the server, on a backlog queued at once) against
// min(render rate × the server's render threads, bare send rate), and a fan-out until the
// provider has accepted its last email against the pipeline's ideal time.
import { randomUUID } from "node:crypto";
import { Resend } from "resend";
import { renderEmail } from "@/lib/email/render";
import { catalog } from "@/lib/notifications/catalog";
import type { EmailContext } from "@/lib/email/types";
import type { Bench } from "./context";
import { EVENT_TYPE } from "./directory";
import { acceptedBy, queueCopies, settleQueue, type EmailBench } from "./email-queue";
import { fanoutEvent, nextEventId } from "./events";
import type { Metric, Row } from "./stats";

const context: EmailContext = {
  brand: { name: "Contoso Reseller", logoUrl: null, primaryColor: "#2563eb" },
  recipientName: "Alice Adatum",
  role: "to",
  why: "You receive this as an admin of the customer.",
  typeLabel: "Billing currency",
  critical: false,
  actionUrl: "https://portal.example.com/billing",
  settingsUrl: "http://localhost/settings/notifications",
  unsubscribeUrl: "http://localhost/unsubscribe?token=bench",
};
const data = catalog[EVENT_TYPE].example as never;

async function renderOnly(seconds: number): Promise<Metric> {
  for (let i = 0; i < 50; i++) await renderEmail(EVENT_TYPE, data, context); // JIT
  let count = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    await renderEmail(EVENT_TYPE, data, context);
    count++;
  }
  return { value: count / ((performance.now() - started) / 1000), unit: "/s", detail: "one thread" };
}

/** The SDK against the fake for `seconds`: `concurrency` loops, each sending `perCall` emails a call. */
async function bareSend(bench: Bench, email: EmailBench, seconds: number, perCall: number, concurrency: number) {
  const resend = new Resend("re_bench", { baseUrl: email.fake.url });
  const rendered = await renderEmail(EVENT_TYPE, data, context);
  const message = (i: number) => ({
    from: '"Contoso Reseller" <notifications@example.com>',
    to: `fan${i}@bench.example`,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    headers: { "List-Unsubscribe": "<http://localhost/unsubscribe?token=bench>" },
  });
  let sent = 0;
  let failed = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const key = randomUUID();
        const { error } =
          perCall === 1
            ? await resend.emails.send(message(sent), { idempotencyKey: key })
            : await resend.batch.send(
                Array.from({ length: perCall }, (_, i) => message(sent + i)),
                { idempotencyKey: key },
              );
        if (error) failed += perCall;
        else sent += perCall;
      }
    }),
  );
  const rate = sent / ((performance.now() - started) / 1000);
  bench.log(`6 bare send ×${perCall}: ${Math.round(rate)}/s`);
  const detail = `${perCall === 1 ? "one per request" : `${perCall} per batch`}, ${concurrency} at a time${failed ? `, ${failed} failed` : ""}`;
  return { value: rate, unit: "/s", detail } satisfies Metric;
}

/** `count` jobs queued in one statement; emails/s from the commit to the provider's last acceptance. */
async function pipeline(bench: Bench, email: EmailBench, count: number): Promise<Metric> {
  await settleQueue(bench, 0);
  const before = (await email.fake.stats()).accepted;
  const started = Date.now();
  const queued = await queueCopies(bench, count);
  const { accepted, lastAcceptedAt } = await acceptedBy(email.fake, before, queued, 300_000);
  const seconds = ((lastAcceptedAt ?? Date.now()) - started) / 1000;
  bench.log(`6 pipeline: ${accepted}/${queued} in ${seconds.toFixed(1)} s`);
  return {
    value: accepted / seconds,
    unit: "/s",
    detail: `${accepted.toLocaleString("en-US")} emails in ${seconds.toFixed(1)} s${accepted < queued ? `, ${queued - accepted} not accepted` : ""}`,
  };
}

/** One event to every admin of the fan-out organization: from the POST to the provider's last acceptance. */
async function fanoutUntilAccepted(bench: Bench, email: EmailBench, recipients: number): Promise<Metric> {
  await settleQueue(bench, 0);
  const before = (await email.fake.stats()).accepted;
  const started = Date.now();
  const response = await fetch(`${bench.url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${bench.directory.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(fanoutEvent(nextEventId("email_fanout"))),
  });
  await response.arrayBuffer();
  const { accepted, lastAcceptedAt } = await acceptedBy(email.fake, before, recipients, 300_000);
  const ms = (lastAcceptedAt ?? Date.now()) - started;
  bench.log(`6 fan-out: ${accepted}/${recipients} accepted after ${(ms / 1000).toFixed(1)} s`);
  return {
    value: ms,
    unit: "ms",
    detail: accepted < recipients ? `${recipients - accepted} never accepted` : undefined,
  };
}

export async function emailSection(bench: Bench, email: EmailBench): Promise<Row[]> {
  const seconds = bench.sizes.emailSeconds;
  // The server idle (the previous section's mail dropped): render and send rates measured here
  // must not share the cores with a draining queue.
  await settleQueue(bench, 0);
  const render = await renderOnly(seconds);
  bench.log(`6 render only: ${Math.round(render.value)}/s`);
  const single = await bareSend(bench, email, seconds, 1, 10);
  const batch = await bareSend(bench, email, seconds, 100, 2);
  const flow = await pipeline(bench, email, bench.sizes.emailPipeline);
  const recipients = bench.sizes.fanoutRecipients;
  const fanout = await fanoutUntilAccepted(bench, email, recipients);

  // The worker sends batches (EMAIL_BATCH_SIZE, default 100) unless set to 1: that bare rate is its ceiling on the wire.
  const batching = (Number(process.env.EMAIL_BATCH_SIZE) || 100) > 1;
  const wire = batching ? batch : single;
  const ceiling = Math.min(render.value * email.renderThreads, wire.value);
  const ideal = (recipients / flow.value) * 1000;
  const n = recipients.toLocaleString("en-US");
  return [
    { section: "6", label: "render only (React Email, typical template)", result: render },
    { section: "6", label: "bare send, Resend SDK → fake Resend, single", result: single },
    { section: "6", label: "bare send, Resend SDK → fake Resend, batch", result: batch },
    {
      section: "6",
      label: `pipeline: claim → render → send → mark (${email.renderThreads} render thread${email.renderThreads === 1 ? "" : "s"})`,
      result: flow,
      baseline: {
        label: `min(render × ${email.renderThreads}, bare ${batching ? "batch" : "single"} send)`,
        metric: { value: ceiling, unit: "/s" },
      },
      target: "≥ 0.8×",
    },
    {
      section: "6",
      label: `one event → ${n} recipients: until the provider accepted the last email`,
      result: fanout,
      baseline: { label: `${n} ÷ pipeline rate`, metric: { value: ideal, unit: "ms" } },
      target: "≤ 1.25×",
    },
  ];
}
