-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "snoozedUntil" TIMESTAMP(3);

-- A snoozed notification is in no tab and not in the unread count: each tab's partial index
-- (lean_notifications) gains "snoozedUntil" IS NULL, so the tab queries and the unread count
-- still read one index alone. New rows are never snoozed: inserts touch the same indexes as before.
DROP INDEX "Notification_inbox_unread_category_idx";
CREATE INDEX "Notification_inbox_unread_category_idx" ON "Notification"("userId", "category", "createdAt" DESC, "id" DESC)
  WHERE "readAt" IS NULL AND "archivedAt" IS NULL AND "snoozedUntil" IS NULL;

DROP INDEX "Notification_inbox_active_category_idx";
CREATE INDEX "Notification_inbox_active_category_idx" ON "Notification"("userId", "category", "createdAt" DESC, "id" DESC)
  WHERE "archivedAt" IS NULL AND "snoozedUntil" IS NULL;

DROP INDEX "Notification_inbox_archived_category_idx";
CREATE INDEX "Notification_inbox_archived_category_idx" ON "Notification"("userId", "category", "createdAt" DESC, "id" DESC)
  WHERE "archivedAt" IS NOT NULL AND "snoozedUntil" IS NULL;

-- The Snoozed tab.
CREATE INDEX "Notification_inbox_snoozed_category_idx" ON "Notification"("userId", "category", "createdAt" DESC, "id" DESC)
  WHERE "snoozedUntil" IS NOT NULL;

-- What the snooze sweeper looks for: only snoozed rows are in it.
CREATE INDEX "Notification_snoozed_until_idx" ON "Notification"("snoozedUntil") WHERE "snoozedUntil" IS NOT NULL;
