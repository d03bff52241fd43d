-- AlterTable
ALTER TABLE "OutboundEmail" ALTER COLUMN "userId" DROP NOT NULL;
