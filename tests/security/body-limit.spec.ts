// Item 4 against the production server: the attack (a 300 MB chunked POST to the Resend
// webhook, parallel 400 MB posts to NextAuth's credentials callback) is refused at the cap, and the
// server stops reading; a chunked body within the cap still reaches the route intact.
import { MAX_BODY_BYTES, MAX_WEBHOOK_BYTES } from "@/lib/api/body-limits";
import { getType } from "@/lib/notifications/catalog";
import { upload } from "../support/http-upload";
import { expect, test, uniqueId } from "../e2e/fixtures";

const MiB = 1024 * 1024;
const port = process.env.E2E_PORT ?? "3100";
const url = (path: string) => `http://localhost:${port}${path}`;

test("a 300 MB chunked POST to the webhook is refused with 413 once over its cap", async () => {
  const result = await upload({ url: url("/api/webhooks/resend"), total: 300 * MiB, chunked: true });
  expect(result.status).toBe(413);
  expect(result.json).toEqual({
    error: { code: "payload_too_large", message: `The body is larger than ${MAX_WEBHOOK_BYTES} bytes` },
  });
  expect(result.written).toBeLessThan(MAX_WEBHOOK_BYTES + 16 * MiB);
});

test("three parallel 400 MB chunked posts to NextAuth's credentials callback are refused", async () => {
  const results = await Promise.all(
    [1, 2, 3].map(() =>
      upload({
        url: url("/api/auth/callback/credentials"),
        total: 400 * MiB,
        chunked: true,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    ),
  );
  for (const result of results) {
    expect(result.status).toBe(413);
    expect(result.json.error.code).toBe("payload_too_large");
    expect(result.written).toBeLessThan(MAX_BODY_BYTES + 16 * MiB);
  }
});

test("a chunked event within the cap is accepted as usual", async ({ platform }) => {
  const body = Buffer.from(
    JSON.stringify({
      id: uniqueId("evt_chunked"),
      type: "quote.sent",
      occurredAt: new Date().toISOString(),
      organizationId: "cust_adatum",
      actor: { userId: "u_alice" },
      data: getType("quote.sent")!.example,
    }),
  );
  const result = await upload({
    url: url("/api/v1/events"),
    total: body.length,
    chunked: true,
    headers: { authorization: `Bearer ${platform.apiKey}` },
    fill: (offset, size) => body.subarray(offset, offset + size),
  });
  expect(result.json).toMatchObject({ status: "accepted" });
  expect(result.status).toBe(202);
});
