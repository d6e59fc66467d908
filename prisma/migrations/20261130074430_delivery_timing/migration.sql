-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('instant', 'hourly', 'daily');

-- CreateEnum
CREATE TYPE "QuietDays" AS ENUM ('every_day', 'weekdays', 'weekends');

-- AlterTable
ALTER TABLE "PreferenceChange" ADD COLUMN     "newCadence" "Cadence",
ADD COLUMN     "oldCadence" "Cadence";

-- AlterTable
ALTER TABLE "EmailDelivery" ADD COLUMN     "digestAt" TIMESTAMP(3),
ADD COLUMN     "digestId" TEXT;

-- CreateTable
CREATE TABLE "UserCadence" (
    "userId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "cadence" "Cadence" NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserCadence_pkey" PRIMARY KEY ("userId","category")
);

-- CreateTable
CREATE TABLE "OrganizationCadence" (
    "organizationId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "cadence" "Cadence",
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "lockedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganizationCadence_pkey" PRIMARY KEY ("organizationId","category")
);

-- CreateTable
CREATE TABLE "DeliverySchedule" (
    "userId" TEXT NOT NULL,
    "digestMinute" INTEGER NOT NULL DEFAULT 480,
    "quietStart" INTEGER,
    "quietEnd" INTEGER,
    "quietDays" "QuietDays" NOT NULL DEFAULT 'every_day',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliverySchedule_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "EmailDigest" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cadence" "Cadence" NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAt" TIMESTAMP(3) NOT NULL,
    "lockedUntil" TIMESTAMP(3),
    "boundAt" TIMESTAMP(3),
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "providerId" TEXT,
    "subject" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "EmailDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmailDigest_status_runAt_idx" ON "EmailDigest"("status", "runAt");

-- CreateIndex
CREATE INDEX "EmailDigest_providerId_idx" ON "EmailDigest"("providerId");

-- CreateIndex
CREATE UNIQUE INDEX "EmailDigest_userId_dueAt_key" ON "EmailDigest"("userId", "dueAt");

-- Hand-written partial indexes (not in schema.prisma): EmailDelivery is the hot table of a fan-out,
-- and only held jobs (waiting for their digest) and digested ones are looked up this way.
CREATE INDEX "EmailDelivery_held_idx" ON "EmailDelivery"("userId", "digestAt") WHERE status = 'held';
CREATE INDEX "EmailDelivery_digestId_idx" ON "EmailDelivery"("digestId") WHERE "digestId" IS NOT NULL;

-- AddForeignKey
ALTER TABLE "UserCadence" ADD CONSTRAINT "UserCadence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationCadence" ADD CONSTRAINT "OrganizationCadence_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliverySchedule" ADD CONSTRAINT "DeliverySchedule_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
