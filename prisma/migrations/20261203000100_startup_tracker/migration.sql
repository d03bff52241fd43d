-- CreateEnum
CREATE TYPE "StartupStepKind" AS ENUM ('FUNDING', 'SPONSOR', 'REGULATOR', 'ETHICS', 'CONTRACTS', 'DRUG_SUPPLY', 'FIRST_SITE', 'FIRST_PATIENT');

-- CreateEnum
CREATE TYPE "StartupState" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateTable
CREATE TABLE "StartupStep" (
    "id" TEXT NOT NULL,
    "trialId" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "step" "StartupStepKind" NOT NULL,
    "state" "StartupState" NOT NULL DEFAULT 'NOT_STARTED',
    "plannedDate" DATE,
    "actualDate" DATE,
    "actualPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "blockedSince" DATE,
    "blockedReason" TEXT,
    "ownerOrganizationId" TEXT,
    "source" TEXT NOT NULL DEFAULT '',
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StartupStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StartupStepRecord" (
    "id" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "state" "StartupState" NOT NULL,
    "plannedDate" DATE,
    "actualDate" DATE,
    "actualPrecision" "DatePrecision" NOT NULL DEFAULT 'DAY',
    "blockedSince" DATE,
    "blockedReason" TEXT,
    "ownerOrganizationId" TEXT,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StartupStepRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StartupStep_state_idx" ON "StartupStep"("state");

-- CreateIndex
CREATE UNIQUE INDEX "StartupStep_trialId_country_step_key" ON "StartupStep"("trialId", "country", "step");

-- CreateIndex
CREATE INDEX "StartupStepRecord_stepId_recordedAt_idx" ON "StartupStepRecord"("stepId", "recordedAt");

-- AddForeignKey
ALTER TABLE "StartupStep" ADD CONSTRAINT "StartupStep_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StartupStep" ADD CONSTRAINT "StartupStep_ownerOrganizationId_fkey" FOREIGN KEY ("ownerOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StartupStepRecord" ADD CONSTRAINT "StartupStepRecord_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "StartupStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;
