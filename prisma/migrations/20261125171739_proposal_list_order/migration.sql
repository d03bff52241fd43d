-- CreateIndex
CREATE INDEX "Proposal_updatedAt_id_idx" ON "Proposal"("updatedAt" DESC, "id");
