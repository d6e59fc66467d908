-- AlterTable
ALTER TABLE "PreferenceChange" ADD COLUMN     "newRule" JSONB,
ADD COLUMN     "oldRule" JSONB,
ALTER COLUMN "channel" DROP NOT NULL;

-- CreateTable
CREATE TABLE "RecipientRule" (
    "organizationId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "to" JSONB NOT NULL,
    "cc" JSONB NOT NULL,
    "bcc" JSONB NOT NULL,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "lockedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecipientRule_pkey" PRIMARY KEY ("organizationId","type")
);

-- AddForeignKey
ALTER TABLE "RecipientRule" ADD CONSTRAINT "RecipientRule_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
