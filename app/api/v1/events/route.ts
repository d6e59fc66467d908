import { withApiKey } from "@/lib/api/with-api-key";
import { MAX_BODY_BYTES } from "@/lib/api/read-json";
import { ingestOne } from "@/lib/notifications/ingest";
import {
  countOutcome,
  observedIngest,
  outcomeRecord,
  pushUnpublishedDuplicates,
  readIngestBody,
} from "@/lib/notifications/ingest-http";
import { recordRejections } from "@/lib/notifications/rejections";

// POST /api/v1/events — one event envelope → 202 accepted, or 200 duplicate
export const POST = withApiKey("events", (request, { apiKey }) =>
  observedIngest("single", request, async (span) => {
    const body = await readIngestBody(request, apiKey.id, MAX_BODY_BYTES);
    const result = await ingestOne(body, { source: "platform", apiKeyId: apiKey.id });
    countOutcome(body, result, span);
    const record = outcomeRecord(apiKey.id, body, result);
    if (record) recordRejections([record]);
    if (result instanceof Error) throw result;
    pushUnpublishedDuplicates([result]);
    return Response.json(result, { status: result.status === "accepted" ? 202 : 200 });
  }),
);
