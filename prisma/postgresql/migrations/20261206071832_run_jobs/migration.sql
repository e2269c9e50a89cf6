-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "jobOptions" TEXT,
ADD COLUMN     "scheduledFor" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "RunScope" ADD COLUMN     "runJobId" TEXT;

-- CreateTable
CREATE TABLE "RunJob" (
    "id" TEXT NOT NULL,
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
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "RunJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Worker" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "concurrency" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "stoppedAt" TIMESTAMP(3),
    "jobsInFlight" INTEGER NOT NULL DEFAULT 0,
    "jobsDone" INTEGER NOT NULL DEFAULT 0,
    "jobsHandedBack" INTEGER NOT NULL DEFAULT 0,
    "itemsDone" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Worker_pkey" PRIMARY KEY ("id")
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

