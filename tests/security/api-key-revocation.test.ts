// A revoked API key stops working on every instance within a second: the revoking process (here
// the real `apikey:revoke` script, another process) announces it on the cache invalidation
// channel, and this instance drops its cached key when it hears it, long before the 10 s cache
// lifetime.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateApiKey, createApiKey } from "@/lib/api-keys";
import { listenForInvalidations, onInvalidate } from "@/lib/cache/invalidation";
import { resetDatabase } from "../support/integration";

const run = promisify(execFile);
let listener: ReturnType<typeof listenForInvalidations>;

beforeAll(async () => {
  await resetDatabase();
  listener = listenForInvalidations(process.env.DATABASE_URL!);
  await listener.started;
});
afterAll(() => listener.stop());

describe("API key revocation across instances", () => {
  it("another process revokes the key: this instance refuses it as soon as the notice arrives", async () => {
    const { id, key } = await createApiKey({ name: "revoked elsewhere", scopes: ["events"] });
    // Cached here, as on a busy instance.
    expect((await authenticateApiKey(`Bearer ${key}`)).id).toBe(id);
    const heard = new Promise<void>((resolve) => onInvalidate("api-keys", resolve));
    const { stdout } = await run("npx", ["tsx", "scripts/apikey.ts", "revoke", id], { env: process.env });
    expect(stdout).toContain(`Revoked ${id}.`);
    await heard;
    await expect(authenticateApiKey(`Bearer ${key}`)).rejects.toMatchObject({ code: "unauthorized" });
  });
});
