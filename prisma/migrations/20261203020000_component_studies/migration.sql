-- CreateTable
CREATE TABLE "ComponentStudy" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "sponsor" TEXT,
    "leadOrganizationId" TEXT,
    "countries" TEXT[],
    "targetAccrual" INTEGER,
    "overallStatus" TEXT NOT NULL DEFAULT 'NOT_YET_RECRUITING',
    "startDate" TEXT,
    "plannedAccrualEnd" TEXT,
    "source" TEXT NOT NULL DEFAULT '',
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComponentStudy_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "TrialRegistryId" ADD COLUMN "componentStudyId" TEXT;

-- AlterTable
ALTER TABLE "AccrualUpdate" ADD COLUMN "componentStudyId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ComponentStudy_trialId_name_key" ON "ComponentStudy"("trialId", "name");

-- CreateIndex
CREATE INDEX "AccrualUpdate_componentStudyId_idx" ON "AccrualUpdate"("componentStudyId");

-- AddForeignKey
ALTER TABLE "ComponentStudy" ADD CONSTRAINT "ComponentStudy_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComponentStudy" ADD CONSTRAINT "ComponentStudy_leadOrganizationId_fkey" FOREIGN KEY ("leadOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialRegistryId" ADD CONSTRAINT "TrialRegistryId_componentStudyId_fkey" FOREIGN KEY ("componentStudyId") REFERENCES "ComponentStudy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccrualUpdate" ADD CONSTRAINT "AccrualUpdate_componentStudyId_fkey" FOREIGN KEY ("componentStudyId") REFERENCES "ComponentStudy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
