import { MAX_BATCH_BYTES } from "@/lib/api/body-limits";
import { withApiKey } from "@/lib/api/with-api-key";
import { validationError } from "@/lib/errors";
import { eventBatchSchema } from "@/lib/notifications/envelope";
import { ingestEvents } from "@/lib/notifications/ingest";
import { countEvent } from "@/lib/observability/metrics";
import {
  batchItem,
  countOutcome,
  observedIngest,
  outcomeRecord,
  pushUnpublishedDuplicates,
  readIngestBody,
} from "@/lib/notifications/ingest-http";
import { recordRejections } from "@/lib/notifications/rejections";
import { checkBatchOutsideRecipients } from "@/lib/notifications/outside-caps";

// POST /api/v1/events/batch — up to 500 envelopes → 207 with one result or error per event, in order
export const POST = withApiKey("events", (request, { apiKey }) =>
  observedIngest("batch", request, async () => {
    const body = await readIngestBody(request, apiKey.id, MAX_BATCH_BYTES);
    const batch = eventBatchSchema.safeParse(body);
    if (!batch.success) {
      const error = validationError(batch.error);
      countEvent(undefined, "rejected");
      recordRejections([{ apiKeyId: apiKey.id, status: error.status, code: error.code, message: error.message, body }]);
      throw error;
    }
    const capped = checkBatchOutsideRecipients(batch.data.events);
    if (capped) {
      countEvent(undefined, "rejected");
      recordRejections([
        { apiKeyId: apiKey.id, status: capped.status, code: capped.code, message: capped.message, body },
      ]);
      throw capped;
    }
    const results = await ingestEvents(batch.data.events, { source: "platform", apiKeyId: apiKey.id });
    results.forEach((result, i) => countOutcome(batch.data.events[i], result));
    recordRejections(results.flatMap((result, i) => outcomeRecord(apiKey.id, batch.data.events[i], result) ?? []));
    pushUnpublishedDuplicates(results);
    return Response.json({ results: results.map(batchItem) }, { status: 207 });
  }),
);
