-- CreateEnum
CREATE TYPE "SiteCapability" AS ENUM ('CENTRAL_PATHOLOGY', 'REQUIRED_IMAGING', 'DRUG_IMPORT', 'RESEARCH_STAFF', 'BIOBANKING');

-- CreateEnum
CREATE TYPE "FeasibilityChange" AS ENUM ('ADDED', 'EDITED', 'REMOVED');

-- CreateTable
CREATE TABLE "FeasibilitySite" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "city" TEXT,
    "country" TEXT,
    "patientsSeenPerYear" INTEGER NOT NULL,
    "eligibleShare" INTEGER NOT NULL,
    "consentShare" INTEGER NOT NULL,
    "competingTrials" INTEGER NOT NULL,
    "monthsToActivation" INTEGER NOT NULL,
    "capabilities" "SiteCapability"[] DEFAULT ARRAY[]::"SiteCapability"[],
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeasibilitySite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeasibilitySiteRecord" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "change" "FeasibilityChange" NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT,
    "country" TEXT,
    "patientsSeenPerYear" INTEGER NOT NULL,
    "eligibleShare" INTEGER NOT NULL,
    "consentShare" INTEGER NOT NULL,
    "competingTrials" INTEGER NOT NULL,
    "monthsToActivation" INTEGER NOT NULL,
    "capabilities" "SiteCapability"[] DEFAULT ARRAY[]::"SiteCapability"[],
    "note" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeasibilitySiteRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FeasibilitySite_proposalId_organizationId_nameKey_key" ON "FeasibilitySite"("proposalId", "organizationId", "nameKey");

-- CreateIndex
CREATE INDEX "FeasibilitySiteRecord_proposalId_recordedAt_idx" ON "FeasibilitySiteRecord"("proposalId", "recordedAt");

-- CreateIndex
CREATE INDEX "FeasibilitySiteRecord_siteId_idx" ON "FeasibilitySiteRecord"("siteId");

-- AddForeignKey
ALTER TABLE "FeasibilitySite" ADD CONSTRAINT "FeasibilitySite_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeasibilitySite" ADD CONSTRAINT "FeasibilitySite_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeasibilitySiteRecord" ADD CONSTRAINT "FeasibilitySiteRecord_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

