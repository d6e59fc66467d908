-- Hand-written (not in schema.prisma): the email worker's sweep looks for held jobs whose window
-- has passed (lib/email/digest.ts, sweepLateJobs) across users.
CREATE INDEX "EmailDelivery_held_due_idx" ON "EmailDelivery"("digestAt") WHERE status = 'held';
