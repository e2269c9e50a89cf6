-- CreateTable
CREATE TABLE "Connection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "secretAccessKeyEnc" TEXT,
    "sessionTokenEnc" TEXT,
    "proxyPasswordEnc" TEXT,
    "mfaSessionEnc" TEXT,
    "mfaSessionExpiresAt" DATETIME,
    "schedule" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "configChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastTestAt" DATETIME,
    "lastTestOutcome" TEXT,
    "lastTestPassedAt" DATETIME,
    "lastTestReport" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Connection_name_key" ON "Connection"("name");

