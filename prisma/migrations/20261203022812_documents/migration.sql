-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('PROTOCOL_SYNOPSIS', 'FULL_PROTOCOL', 'CONSENT_TEMPLATE', 'AGREEMENT', 'MINUTES', 'OTHER');

-- CreateEnum
CREATE TYPE "DocumentScope" AS ENUM ('PROPOSAL', 'TRIAL');

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "scope" "DocumentScope" NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentVersion" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "changeNote" TEXT NOT NULL DEFAULT '',
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentChunk" (
    "key" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "DocumentChunk_pkey" PRIMARY KEY ("key","index")
);

-- CreateTable
CREATE TABLE "VoteDocument" (
    "voteId" TEXT NOT NULL,
    "documentVersionId" TEXT NOT NULL,

    CONSTRAINT "VoteDocument_pkey" PRIMARY KEY ("voteId","documentVersionId")
);

-- CreateTable
CREATE TABLE "DecisionDocument" (
    "decisionId" TEXT NOT NULL,
    "documentVersionId" TEXT NOT NULL,

    CONSTRAINT "DecisionDocument_pkey" PRIMARY KEY ("decisionId","documentVersionId")
);

-- CreateIndex
CREATE INDEX "Document_proposalId_scope_updatedAt_idx" ON "Document"("proposalId", "scope", "updatedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVersion_storageKey_key" ON "DocumentVersion"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVersion_documentId_number_key" ON "DocumentVersion"("documentId", "number");

-- CreateIndex
CREATE INDEX "VoteDocument_documentVersionId_idx" ON "VoteDocument"("documentVersionId");

-- CreateIndex
CREATE INDEX "DecisionDocument_documentVersionId_idx" ON "DecisionDocument"("documentVersionId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteDocument" ADD CONSTRAINT "VoteDocument_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteDocument" ADD CONSTRAINT "VoteDocument_documentVersionId_fkey" FOREIGN KEY ("documentVersionId") REFERENCES "DocumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionDocument" ADD CONSTRAINT "DecisionDocument_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionDocument" ADD CONSTRAINT "DecisionDocument_documentVersionId_fkey" FOREIGN KEY ("documentVersionId") REFERENCES "DocumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
