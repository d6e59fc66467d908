-- AlterTable
ALTER TABLE "OrganizationPreference" ADD COLUMN     "lockedById" TEXT;
