-- DropForeignKey
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_userId_fkey";

-- DropForeignKey
ALTER TABLE "Notification" DROP CONSTRAINT "Notification_eventId_fkey";

-- DropIndex
DROP INDEX "Notification_userId_category_createdAt_id_idx";

-- DropIndex
DROP INDEX "Notification_eventId_idx";

-- AlterTable
ALTER TABLE "Notification" DROP COLUMN "data";

-- Inbox indexes, hand-written (schema diffs do not see partial indexes). A fan-out writes one
-- Notification row per recipient, and each index entry and foreign-key check is paid per row:
-- measured on 10,000 rows, the two foreign keys cost ~150 ms and each index ~40 ms. So one
-- partial index per tab, each on (userId, category, createdAt DESC, id DESC): a page within a
-- category reads one index range, a page across categories merges one short range per category,
-- and unread counts read the unread index alone. An insert touches the primary key and two of
-- them (a new row is never archived).
DROP INDEX "Notification_inbox_unread_idx";
DROP INDEX "Notification_inbox_active_idx";
DROP INDEX "Notification_inbox_archived_idx";

-- Unread tab, badge and unread counts (unread = not read and not archived) keep
-- "Notification_inbox_unread_category_idx" from the inbox_indexes migration.

-- All tab (everything not archived).
CREATE INDEX "Notification_inbox_active_category_idx" ON "Notification"("userId", "category", "createdAt" DESC, "id" DESC)
  WHERE "archivedAt" IS NULL;

-- Archived tab.
CREATE INDEX "Notification_inbox_archived_category_idx" ON "Notification"("userId", "category", "createdAt" DESC, "id" DESC)
  WHERE "archivedAt" IS NOT NULL;
