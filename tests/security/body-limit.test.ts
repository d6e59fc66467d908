// Item 4: one body cap in front of every route. These drive the server's gate with real uploads
// (chunked and declared) into a handler that, like a careless route, reads whatever it is given;
// tests/security/body-limit.spec.ts sends the same uploads to the production server's routes.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BATCH_BYTES, MAX_BODY_BYTES, MAX_WEBHOOK_BYTES } from "@/lib/api/body-limits";
import { limitRequestBody } from "@/lib/server/body-limit";
import { upload } from "../support/http-upload";

const MiB = 1024 * 1024;
let server: Server;
let base: string;
const reached: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) =>
    limitRequestBody(req, res, async () => {
      reached.push(req.url!);
      const hash = createHash("sha256");
      let size = 0;
      for await (const chunk of req) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ size, sha256: hash.digest("hex") }));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const tooLarge = (bytes: number) => ({
  error: { code: "payload_too_large", message: `The body is larger than ${bytes} bytes` },
});

// Bytes that differ along the body, so a lost, repeated or reordered chunk changes the hash.
const pattern = (offset: number, size: number) => {
  const buffer = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buffer[i] = (offset + i) % 251;
  return buffer;
};
const sha256Of = (total: number) => createHash("sha256").update(pattern(0, total)).digest("hex");

describe("the server's body cap", () => {
  it("a 300 MB chunked upload is refused with 413 after about the cap, and never reaches the route", async () => {
    const total = 300 * MiB;
    const result = await upload({ url: `${base}/api/webhooks/resend`, total, chunked: true });
    expect(result.status).toBe(413);
    expect(result.json).toEqual(tooLarge(MAX_WEBHOOK_BYTES));
    // The server stopped reading: what the client got out is the cap plus socket buffers, not 300 MB.
    expect(result.written).toBeLessThan(MAX_WEBHOOK_BYTES + 16 * MiB);
    expect(reached).not.toContain("/api/webhooks/resend");
  });

  it("a declared Content-Length over the cap is refused before a byte of the body is read", async () => {
    const result = await upload({ url: `${base}/api/auth/callback/credentials`, total: 400 * MiB, chunked: false });
    expect(result.status).toBe(413);
    expect(result.json).toEqual(tooLarge(MAX_BODY_BYTES));
    expect(result.written).toBeLessThan(16 * MiB);
    expect(reached).not.toContain("/api/auth/callback/credentials");
  });

  it("three parallel over-cap uploads are all refused early", async () => {
    const results = await Promise.all(
      [1, 2, 3].map(() => upload({ url: `${base}/api/auth/callback/credentials`, total: 200 * MiB, chunked: true })),
    );
    for (const result of results) {
      expect(result.status).toBe(413);
      expect(result.written).toBeLessThan(MAX_BODY_BYTES + 16 * MiB);
    }
  });

  it("a chunked body within the cap reaches the route whole and in order", async () => {
    const total = MAX_BODY_BYTES; // exactly the cap is allowed
    const result = await upload({ url: `${base}/api/notifications/read-all`, total, chunked: true, fill: pattern });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ size: total, sha256: sha256Of(total) });
  });

  it("one byte over the cap is refused, chunked or declared", async () => {
    for (const chunked of [true, false]) {
      const result = await upload({ url: `${base}/api/preferences`, total: MAX_BODY_BYTES + 1, chunked });
      expect(result.status).toBe(413);
    }
  });

  it("routes with a larger cap keep it: batches up to 5 MiB, and the query string does not matter", async () => {
    const within = await upload({
      url: `${base}/api/v1/events/batch?x=1`,
      total: MAX_BATCH_BYTES,
      chunked: true,
      fill: pattern,
    });
    expect(within.json).toEqual({ size: MAX_BATCH_BYTES, sha256: sha256Of(MAX_BATCH_BYTES) });
    const over = await upload({ url: `${base}/api/v1/events/batch`, total: MAX_BATCH_BYTES + 1, chunked: true });
    expect(over.status).toBe(413);
    expect(over.json).toEqual(tooLarge(MAX_BATCH_BYTES));
    // A single event keeps the default cap.
    const single = await upload({ url: `${base}/api/v1/events`, total: 2 * MiB, chunked: true });
    expect(single.json).toEqual(tooLarge(MAX_BODY_BYTES));
  });

  it("requests without a body pass straight through", async () => {
    const res = await fetch(`${base}/inbox`);
    expect(await res.json()).toEqual({ size: 0, sha256: sha256Of(0) });
  });
});
