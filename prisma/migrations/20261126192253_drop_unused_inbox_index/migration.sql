-- DropIndex
DROP INDEX "Notification_userId_createdAt_id_idx";
