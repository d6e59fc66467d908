-- AlterTable
ALTER TABLE "EmailDelivery" ADD COLUMN     "sendKey" TEXT;
