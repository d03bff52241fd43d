-- AlterTable
ALTER TABLE "Vote" ADD COLUMN     "remindedAt" TIMESTAMP(3),
ADD COLUMN     "remindedHours" INTEGER;
