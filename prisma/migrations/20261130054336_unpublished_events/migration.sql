-- Events stored before publication was recorded were pushed then (or are long past pushing)
UPDATE "Event" SET "publishedAt" = "receivedAt" WHERE "publishedAt" IS NULL;

-- What the publication sweeper looks for: only unpublished rows are in it, so it stays tiny
CREATE INDEX "Event_unpublished_idx" ON "Event" ("receivedAt") WHERE "publishedAt" IS NULL;
