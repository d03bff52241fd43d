-- Indexes for the list pages at a thousand times the size of IRCI (issue 19), measured with
-- EXPLAIN ANALYZE on the 1000x benchmark data (100,000 proposals): the filtered proposals list
-- counted 15,000 rows per request, the public trials page sorted 35,000 rows (75 ms) and counted
-- them from the table (96 ms), the portfolio sorted every trial by title to show 25 (149 ms), and
-- the group filter sorted 10,000 groups by name (4 ms). Each now reads only what it shows from an
-- index. The index of the lead organization becomes the first columns of the filtered list index.

-- DropIndex
DROP INDEX "Proposal_leadOrganizationId_idx";

-- CreateIndex
CREATE INDEX "ExpertGroup_name_idx" ON "ExpertGroup"("name");

-- CreateIndex
CREATE INDEX "Proposal_status_demo_title_id_idx" ON "Proposal"("status", "demo", "title", "id");

-- CreateIndex
CREATE INDEX "Proposal_title_idx" ON "Proposal"("title");

-- CreateIndex
CREATE INDEX "Proposal_leadOrganizationId_status_updatedAt_id_idx" ON "Proposal"("leadOrganizationId", "status", "updatedAt" DESC, "id");
