-- AlterTable
ALTER TABLE "Run" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Run" ADD COLUMN "jobOptions" TEXT;
ALTER TABLE "Run" ADD COLUMN "scheduledFor" DATETIME;

-- AlterTable
ALTER TABLE "RunScope" ADD COLUMN "runJobId" TEXT;

-- CreateTable
CREATE TABLE "RunJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "accountId" TEXT,
    "region" TEXT,
    "resourceType" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "fence" INTEGER NOT NULL DEFAULT 0,
    "workerId" TEXT,
    "claims" INTEGER NOT NULL DEFAULT 0,
    "items" INTEGER NOT NULL DEFAULT 0,
    "queuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "heartbeatAt" DATETIME,
    "lastError" TEXT
);

-- CreateTable
CREATE TABLE "Worker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "concurrency" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" DATETIME NOT NULL,
    "stoppedAt" DATETIME,
    "jobsInFlight" INTEGER NOT NULL DEFAULT 0,
    "jobsDone" INTEGER NOT NULL DEFAULT 0,
    "jobsHandedBack" INTEGER NOT NULL DEFAULT 0,
    "itemsDone" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "RunJob_runId_status_idx" ON "RunJob"("runId", "status");

-- CreateIndex
CREATE INDEX "RunJob_status_accountId_idx" ON "RunJob"("status", "accountId");

-- CreateIndex
CREATE INDEX "RunJob_workerId_status_idx" ON "RunJob"("workerId", "status");

-- CreateIndex
CREATE INDEX "Worker_status_heartbeatAt_idx" ON "Worker"("status", "heartbeatAt");

-- CreateIndex
CREATE UNIQUE INDEX "Run_connectionId_scheduledFor_key" ON "Run"("connectionId", "scheduledFor");

