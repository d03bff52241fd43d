-- CreateTable
CREATE TABLE "ProposalFollow" (
    "proposalId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalFollow_pkey" PRIMARY KEY ("proposalId","userId")
);

-- CreateIndex
CREATE INDEX "ProposalFollow_userId_idx" ON "ProposalFollow"("userId");

-- AddForeignKey
ALTER TABLE "ProposalFollow" ADD CONSTRAINT "ProposalFollow_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalFollow" ADD CONSTRAINT "ProposalFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
