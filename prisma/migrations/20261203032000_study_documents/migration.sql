-- AlterEnum
ALTER TYPE "DocumentScope" ADD VALUE 'STUDY';

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "componentStudyId" TEXT;

-- CreateIndex
CREATE INDEX "Document_componentStudyId_idx" ON "Document"("componentStudyId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_componentStudyId_fkey" FOREIGN KEY ("componentStudyId") REFERENCES "ComponentStudy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
