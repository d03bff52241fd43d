-- CreateTable
CREATE TABLE "TrialImport" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "nctId" TEXT NOT NULL,
    "appliedById" TEXT,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replaced" JSONB NOT NULL,
    "addedSiteIds" TEXT[],
    "addedRegistryIdIds" TEXT[],
    "addedAccrualId" TEXT,
    "undoneAt" TIMESTAMP(3),
    "undoneById" TEXT,

    CONSTRAINT "TrialImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrialImport_trialId_appliedAt_idx" ON "TrialImport"("trialId", "appliedAt");

-- AddForeignKey
ALTER TABLE "TrialImport" ADD CONSTRAINT "TrialImport_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;
