-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'VOTING', 'APPROVED', 'PLANNING', 'UNDERWAY', 'COMPLETED', 'REJECTED', 'WITHDRAWN', 'CLOSED_EARLY');

-- CreateEnum
CREATE TYPE "InterestLevel" AS ENUM ('LEAD', 'PARTICIPATE', 'INTERESTED', 'DECLINED');

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Proposal" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "leadOrganizationId" TEXT,
    "leadDescription" TEXT,
    "status" "ProposalStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "population" TEXT NOT NULL DEFAULT '',
    "intervention" TEXT NOT NULL DEFAULT '',
    "comparator" TEXT NOT NULL DEFAULT '',
    "primaryOutcome" TEXT NOT NULL DEFAULT '',
    "rationale" TEXT NOT NULL DEFAULT '',
    "phase" TEXT,
    "randomised" BOOLEAN,
    "sampleSize" INTEGER,
    "primaryEndpoint" TEXT NOT NULL DEFAULT '',
    "noOtherForum" TEXT NOT NULL DEFAULT '',
    "registryIds" JSONB NOT NULL DEFAULT '{}',
    "closedReason" TEXT,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalAuthor" (
    "proposalId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalAuthor_pkey" PRIMARY KEY ("proposalId","userId")
);

-- CreateTable
CREATE TABLE "ProposalRevision" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerInterest" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "level" "InterestLevel" NOT NULL,
    "expectedSites" INTEGER,
    "expectedPatientsPerYear" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnerInterest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerInterestRecord" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "level" "InterestLevel" NOT NULL,
    "expectedSites" INTEGER,
    "expectedPatientsPerYear" INTEGER,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerInterestRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Proposal_status_updatedAt_idx" ON "Proposal"("status", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Proposal_groupId_idx" ON "Proposal"("groupId");

-- CreateIndex
CREATE INDEX "Proposal_leadOrganizationId_idx" ON "Proposal"("leadOrganizationId");

-- CreateIndex
CREATE INDEX "ProposalAuthor_userId_idx" ON "ProposalAuthor"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalRevision_proposalId_number_key" ON "ProposalRevision"("proposalId", "number");

-- CreateIndex
CREATE INDEX "PartnerInterest_organizationId_level_idx" ON "PartnerInterest"("organizationId", "level");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerInterest_proposalId_organizationId_key" ON "PartnerInterest"("proposalId", "organizationId");

-- CreateIndex
CREATE INDEX "PartnerInterestRecord_proposalId_organizationId_recordedAt_idx" ON "PartnerInterestRecord"("proposalId", "organizationId", "recordedAt");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ExpertGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_leadOrganizationId_fkey" FOREIGN KEY ("leadOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAuthor" ADD CONSTRAINT "ProposalAuthor_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAuthor" ADD CONSTRAINT "ProposalAuthor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalRevision" ADD CONSTRAINT "ProposalRevision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalRevision" ADD CONSTRAINT "ProposalRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerInterest" ADD CONSTRAINT "PartnerInterest_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerInterest" ADD CONSTRAINT "PartnerInterest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerInterest" ADD CONSTRAINT "PartnerInterest_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerInterestRecord" ADD CONSTRAINT "PartnerInterestRecord_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search over title and hypothesis. An expression index, which schema.prisma cannot
-- express: lib/proposals/search.ts must use exactly this expression for PostgreSQL to use it.
CREATE INDEX "Proposal_search_idx" ON "Proposal" USING GIN (
  to_tsvector('english', "title" || ' ' || "population" || ' ' || "intervention" || ' ' || "comparator" || ' ' || "primaryOutcome")
);
