// A webhook worker in its own process, for the test that kills one mid-delivery (SIGKILL: no
// cleanup runs). Reads DATABASE_URL and AUTH_SECRET from the environment; prints "ready" once started.
import { createWebhookWorker } from "@/lib/webhooks/worker";

const worker = createWebhookWorker({
  timing: { pollMs: 50, leaseMs: Number(process.env.WEBHOOK_TEST_LEASE_MS ?? 2000), schedule: [50, 50, 50] },
  policy: { allowPrivate: true, requireHttps: false, lookup: async () => [] },
  listen: false,
  log: (message) => console.error(message),
});
await worker.start();
console.log("ready");
