-- CreateTable
CREATE TABLE "Connection" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "secretAccessKeyEnc" TEXT,
    "sessionTokenEnc" TEXT,
    "proxyPasswordEnc" TEXT,
    "mfaSessionEnc" TEXT,
    "mfaSessionExpiresAt" TIMESTAMP(3),
    "schedule" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "configChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastTestAt" TIMESTAMP(3),
    "lastTestOutcome" TEXT,
    "lastTestPassedAt" TIMESTAMP(3),
    "lastTestReport" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Connection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Connection_name_key" ON "Connection"("name");

