// Item 9 (first half): a malformed submission that carries a temporary password must not leave it
// in the console's rejection record, neither in the stored body nor through the parser's message.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postEvent } from "@/app/api/v1/events/route";
import { POST as postBatch } from "@/app/api/v1/events/batch/route";
import { db } from "@/lib/db";
import { callRoute, resetDatabase } from "../support/integration";
import { bearer, newApiKey } from "../support/platform-api";

let auth: Record<string, string>;
beforeAll(async () => {
  await resetDatabase();
  auth = { ...bearer(await newApiKey("redaction")), "content-type": "application/json" };
});

const password = "Hunter2-Tmp-Secret-42";
const head = '{"id":"evt_redact","type":"organization.tenant_created","organizationId":"cust_adatum","data":{';

// The ways an integrator's code gets it wrong, each with the password somewhere in the text.
const bodies = {
  unquoted: `${head}"domain":"x.example","temporaryPassword": ${password}}}`,
  "unquoted, last thing in the body": `${head}"temporaryPassword":${password}`,
  "single quotes": `${head}'temporaryPassword': '${password}'}}`,
  "unterminated string": `${head}"temporaryPassword": "${password}`,
  "escaped quote inside": `${head}"temporaryPassword": "ab\\"${password}", oops}}`,
  "quoted, then a syntax error": `${head}"temporaryPassword": "${password}",,}}`,
  "key in other case": `${head}"TemporaryPassword": ${password}}}`,
};

async function rejectionsHolding(secret: string) {
  await new Promise((resolve) => setTimeout(resolve, 150)); // recorded without delaying the response
  const tables = await db.$queryRaw<
    { tablename: string }[]
  >`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
  const hits: string[] = [];
  for (const { tablename } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${tablename}" t WHERE row_to_json(t)::text LIKE $1`,
      `%${secret}%`,
    );
    if (row!.n) hits.push(tablename);
  }
  return hits;
}

describe("malformed bodies carrying a temporary password", () => {
  for (const [name, rawBody] of Object.entries(bodies)) {
    it(`${name}: 400, and neither the answer nor the stored record holds the password`, async () => {
      const before = await db.ingestRejection.count();
      const res = await callRoute(postEvent, "/api/v1/events", { method: "POST", rawBody, headers: auth });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("malformed_json");
      expect(JSON.stringify(res.json)).not.toContain(password);
      expect(await rejectionsHolding(password)).toEqual([]);
      // The record is still kept, with what can safely be shown.
      const [record] = await db.ingestRejection.findMany({ orderBy: { receivedAt: "desc" }, take: 1 });
      expect(await db.ingestRejection.count()).toBe(before + 1);
      expect(record!.message).toMatch(/^The body is not valid JSON/);
      expect(record!.body).toContain('"type":"organization.tenant_created"');
    });
  }

  it("the batch route too", async () => {
    const res = await callRoute(postBatch, "/api/v1/events/batch", {
      method: "POST",
      rawBody: `{"events":[${bodies.unquoted}]}`,
      headers: auth,
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).not.toContain(password);
    expect(await rejectionsHolding(password)).toEqual([]);
  });

  it("the message still says where the JSON breaks when the parser gives a position, never the text", async () => {
    const res = await callRoute(postEvent, "/api/v1/events", {
      method: "POST",
      rawBody: '{"id": ',
      headers: auth,
    });
    expect(res.json.error.message).toBe("The body is not valid JSON: it ends before the document is complete");
  });
});
