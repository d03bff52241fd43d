-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "workingDays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[];

-- AlterTable
ALTER TABLE "Vote" ALTER COLUMN "quorum" DROP DEFAULT;
