-- Hand-written (not in schema.prisma): the webhook worker's claim (lib/webhooks/deliver.ts) finds
-- each endpoint's oldest due pending messages, and counts its messages under lease, by index
-- descents instead of reading every due message of the backlog.
CREATE INDEX "WebhookMessage_pending_idx" ON "WebhookMessage"("endpointId", "runAt") WHERE status = 'pending';
CREATE INDEX "WebhookMessage_sending_idx" ON "WebhookMessage"("endpointId", "lockedUntil") WHERE status = 'sending';
