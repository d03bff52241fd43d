-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('PROTOCOL_APPROVED', 'FUNDING_SECURED', 'FIRST_SITE_OPEN', 'FIRST_PATIENT_IN', 'ACCRUAL_COMPLETE', 'PRIMARY_COMPLETION', 'RESULTS_PUBLISHED');

-- CreateTable
CREATE TABLE "Trial" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "overallStatus" TEXT NOT NULL DEFAULT 'NOT_YET_RECRUITING',
    "phases" TEXT[],
    "targetAccrual" INTEGER,
    "startDate" TEXT,
    "primaryCompletionDate" TEXT,
    "leadSponsor" TEXT,
    "importedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Trial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialRegistryId" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "registry" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "TrialRegistryId_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccrualUpdate" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "date" TEXT,
    "total" INTEGER NOT NULL,
    "organizationId" TEXT,
    "country" TEXT,
    "source" TEXT NOT NULL DEFAULT '',
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccrualUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialSite" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "organizationId" TEXT,
    "country" TEXT NOT NULL,
    "facility" TEXT NOT NULL DEFAULT '',
    "city" TEXT,
    "status" TEXT,

    CONSTRAINT "TrialSite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrialMilestone" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "planned" TEXT,
    "actual" TEXT,

    CONSTRAINT "TrialMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Trial_proposalId_key" ON "Trial"("proposalId");

-- CreateIndex
CREATE INDEX "Trial_overallStatus_idx" ON "Trial"("overallStatus");

-- CreateIndex
CREATE INDEX "TrialRegistryId_trialId_idx" ON "TrialRegistryId"("trialId");

-- CreateIndex
CREATE UNIQUE INDEX "TrialRegistryId_registry_value_key" ON "TrialRegistryId"("registry", "value");

-- CreateIndex
CREATE INDEX "AccrualUpdate_trialId_date_idx" ON "AccrualUpdate"("trialId", "date");

-- CreateIndex
CREATE INDEX "TrialSite_country_idx" ON "TrialSite"("country");

-- CreateIndex
CREATE UNIQUE INDEX "TrialSite_trialId_country_facility_key" ON "TrialSite"("trialId", "country", "facility");

-- CreateIndex
CREATE UNIQUE INDEX "TrialMilestone_trialId_kind_key" ON "TrialMilestone"("trialId", "kind");

-- AddForeignKey
ALTER TABLE "Trial" ADD CONSTRAINT "Trial_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialRegistryId" ADD CONSTRAINT "TrialRegistryId_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccrualUpdate" ADD CONSTRAINT "AccrualUpdate_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccrualUpdate" ADD CONSTRAINT "AccrualUpdate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialSite" ADD CONSTRAINT "TrialSite_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialSite" ADD CONSTRAINT "TrialSite_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrialMilestone" ADD CONSTRAINT "TrialMilestone_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;
