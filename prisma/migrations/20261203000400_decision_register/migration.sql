-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('GROUP_CONVENED', 'PROPOSAL_APPROVED', 'PROPOSAL_REJECTED', 'DESIGN_CHANGE', 'TRIAL_CLOSED_EARLY', 'OTHER');

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "title" TEXT NOT NULL,
    "decidedOn" TEXT NOT NULL,
    "options" TEXT NOT NULL DEFAULT '',
    "rationale" TEXT NOT NULL,
    "voteId" TEXT,
    "proposalId" TEXT,
    "groupId" TEXT,
    "public" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "seedKey" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Decision_voteId_key" ON "Decision"("voteId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_seedKey_key" ON "Decision"("seedKey");

-- CreateIndex
CREATE INDEX "Decision_decidedOn_id_idx" ON "Decision"("decidedOn" DESC, "id");

-- CreateIndex
CREATE INDEX "Decision_groupId_idx" ON "Decision"("groupId");

-- CreateIndex
CREATE INDEX "Decision_proposalId_idx" ON "Decision"("proposalId");

-- CreateIndex
CREATE INDEX "Decision_kind_idx" ON "Decision"("kind");

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ExpertGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
