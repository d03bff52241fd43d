-- CreateTable
CREATE TABLE "SignInRequest" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "clientAddress" TEXT NOT NULL,
    "callbackUrl" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "SignInRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SignInRequest_email_createdAt_idx" ON "SignInRequest"("email", "createdAt");

-- CreateIndex
CREATE INDEX "SignInRequest_clientAddress_createdAt_idx" ON "SignInRequest"("clientAddress", "createdAt");

-- CreateIndex
CREATE INDEX "SignInRequest_processedAt_createdAt_idx" ON "SignInRequest"("processedAt", "createdAt");
