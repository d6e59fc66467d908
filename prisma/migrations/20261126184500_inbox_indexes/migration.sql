-- Inbox indexes, hand-written: the Prisma schema cannot express partial indexes, and schema
-- diffs do not see them, so later migrations leave them alone. Each tab reads its rows in keyset
-- order (createdAt DESC, id DESC) from an index holding only that tab's rows, so a page costs the
-- same for a user with 100,000 notifications whatever the mix of read and archived rows.
-- Checked with scripts/explain-inbox.ts (1.1M rows, 100k for one user).

-- Unread tab and badge: unread = not read and not archived.
CREATE INDEX "Notification_inbox_unread_idx" ON "Notification"("userId", "createdAt" DESC, "id" DESC)
  WHERE "readAt" IS NULL AND "archivedAt" IS NULL;

-- Unread within a category (tab with filter, per-category counts, mark all read in a category).
-- Its prefix (userId, category) serves the counts too, so it replaces the index of the init migration.
CREATE INDEX "Notification_inbox_unread_category_idx" ON "Notification"("userId", "category", "createdAt" DESC, "id" DESC)
  WHERE "readAt" IS NULL AND "archivedAt" IS NULL;

DROP INDEX "Notification_unread_idx";

-- All tab (everything not archived): stays fast for users who archive nearly everything.
CREATE INDEX "Notification_inbox_active_idx" ON "Notification"("userId", "createdAt" DESC, "id" DESC)
  WHERE "archivedAt" IS NULL;

-- Archived tab: stays fast for users who archive nearly nothing.
CREATE INDEX "Notification_inbox_archived_idx" ON "Notification"("userId", "createdAt" DESC, "id" DESC)
  WHERE "archivedAt" IS NOT NULL;
