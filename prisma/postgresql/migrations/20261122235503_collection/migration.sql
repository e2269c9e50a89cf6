-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "connectionName" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "skippedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "heartbeatAt" TIMESTAMP(3),
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "scopesPlanned" INTEGER NOT NULL DEFAULT 0,
    "scopesDone" INTEGER NOT NULL DEFAULT 0,
    "scopesFailed" INTEGER NOT NULL DEFAULT 0,
    "items" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "throttles" INTEGER NOT NULL DEFAULT 0,
    "errorMessage" TEXT,
    "notes" TEXT,
    "collectorVersion" TEXT NOT NULL,

    CONSTRAINT "Run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunScope" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "items" INTEGER NOT NULL DEFAULT 0,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "durationMs" INTEGER,
    "errorCode" TEXT,
    "message" TEXT,
    "hint" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RunScope_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScopeState" (
    "connectionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "lastSuccessAt" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3) NOT NULL,
    "lastStatus" TEXT NOT NULL,
    "lastErrorCode" TEXT,
    "lastRunId" TEXT NOT NULL,
    "stale" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ScopeState_pkey" PRIMARY KEY ("connectionId","accountId","region","resourceType")
);

-- CreateTable
CREATE TABLE "ConnectionLease" (
    "connectionId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectionLease_pkey" PRIMARY KEY ("connectionId")
);

-- CreateTable
CREATE TABLE "RunSnapshot" (
    "runId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,
    "instances" INTEGER NOT NULL,
    "runningVcpus" INTEGER NOT NULL,
    "totalVcpus" INTEGER NOT NULL,
    "oracleProcessors" INTEGER NOT NULL,
    "hostCores" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,

    CONSTRAINT "RunSnapshot_pkey" PRIMARY KEY ("runId")
);

-- CreateTable
CREATE TABLE "Account" (
    "connectionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "alias" TEXT,
    "name" TEXT,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("connectionId","accountId")
);

-- CreateTable
CREATE TABLE "ChangeEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "runId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "changes" TEXT,

    CONSTRAINT "ChangeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ec2Instance" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "name" TEXT,
    "state" TEXT,
    "instanceType" TEXT,
    "vcpus" INTEGER,
    "licensedProduct" TEXT NOT NULL,
    "licenceModel" TEXT NOT NULL,
    "platformDetails" TEXT,
    "usageOperation" TEXT,
    "tenancy" TEXT,
    "hostId" TEXT,
    "lifecycle" TEXT NOT NULL,
    "launchTime" TIMESTAMP(3),
    "availabilityZone" TEXT,
    "imageId" TEXT,
    "data" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),
    "lastRunId" TEXT NOT NULL,

    CONSTRAINT "Ec2Instance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DedicatedHost" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "name" TEXT,
    "state" TEXT,
    "instanceFamily" TEXT,
    "instanceType" TEXT,
    "sockets" INTEGER,
    "cores" INTEGER,
    "totalVcpus" INTEGER,
    "availabilityZone" TEXT,
    "data" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),
    "lastRunId" TEXT NOT NULL,

    CONSTRAINT "DedicatedHost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReservedInstance" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "reservedInstancesId" TEXT NOT NULL,
    "instanceType" TEXT,
    "instanceCount" INTEGER,
    "scope" TEXT,
    "availabilityZone" TEXT,
    "productDescription" TEXT,
    "instanceTenancy" TEXT,
    "state" TEXT,
    "offeringClass" TEXT,
    "startAt" TIMESTAMP(3),
    "endAt" TIMESTAMP(3),
    "data" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),
    "lastRunId" TEXT NOT NULL,

    CONSTRAINT "ReservedInstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DbInstance" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "dbInstanceIdentifier" TEXT NOT NULL,
    "engine" TEXT,
    "engineVersion" TEXT,
    "licenceModel" TEXT NOT NULL,
    "dbInstanceClass" TEXT,
    "vcpus" INTEGER,
    "status" TEXT,
    "multiAz" BOOLEAN,
    "availabilityZone" TEXT,
    "data" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),
    "lastRunId" TEXT NOT NULL,

    CONSTRAINT "DbInstance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Run_connectionId_createdAt_idx" ON "Run"("connectionId", "createdAt");

-- CreateIndex
CREATE INDEX "Run_status_idx" ON "Run"("status");

-- CreateIndex
CREATE INDEX "Run_createdAt_idx" ON "Run"("createdAt");

-- CreateIndex
CREATE INDEX "RunScope_runId_status_idx" ON "RunScope"("runId", "status");

-- CreateIndex
CREATE INDEX "ScopeState_connectionId_stale_idx" ON "ScopeState"("connectionId", "stale");

-- CreateIndex
CREATE INDEX "RunSnapshot_connectionId_takenAt_idx" ON "RunSnapshot"("connectionId", "takenAt");

-- CreateIndex
CREATE INDEX "RunSnapshot_takenAt_idx" ON "RunSnapshot"("takenAt");

-- CreateIndex
CREATE INDEX "ChangeEvent_connectionId_resourceType_resourceId_at_idx" ON "ChangeEvent"("connectionId", "resourceType", "resourceId", "at");

-- CreateIndex
CREATE INDEX "ChangeEvent_at_idx" ON "ChangeEvent"("at");

-- CreateIndex
CREATE INDEX "Ec2Instance_removedAt_instanceId_idx" ON "Ec2Instance"("removedAt", "instanceId");

-- CreateIndex
CREATE INDEX "Ec2Instance_accountId_idx" ON "Ec2Instance"("accountId");

-- CreateIndex
CREATE INDEX "Ec2Instance_instanceType_idx" ON "Ec2Instance"("instanceType");

-- CreateIndex
CREATE INDEX "Ec2Instance_licensedProduct_licenceModel_idx" ON "Ec2Instance"("licensedProduct", "licenceModel");

-- CreateIndex
CREATE UNIQUE INDEX "Ec2Instance_connectionId_accountId_region_instanceId_key" ON "Ec2Instance"("connectionId", "accountId", "region", "instanceId");

-- CreateIndex
CREATE INDEX "DedicatedHost_removedAt_hostId_idx" ON "DedicatedHost"("removedAt", "hostId");

-- CreateIndex
CREATE UNIQUE INDEX "DedicatedHost_connectionId_accountId_region_hostId_key" ON "DedicatedHost"("connectionId", "accountId", "region", "hostId");

-- CreateIndex
CREATE INDEX "ReservedInstance_removedAt_endAt_idx" ON "ReservedInstance"("removedAt", "endAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReservedInstance_connectionId_accountId_region_reservedInst_key" ON "ReservedInstance"("connectionId", "accountId", "region", "reservedInstancesId");

-- CreateIndex
CREATE INDEX "DbInstance_removedAt_dbInstanceIdentifier_idx" ON "DbInstance"("removedAt", "dbInstanceIdentifier");

-- CreateIndex
CREATE INDEX "DbInstance_engine_licenceModel_idx" ON "DbInstance"("engine", "licenceModel");

-- CreateIndex
CREATE UNIQUE INDEX "DbInstance_connectionId_accountId_region_dbInstanceIdentifi_key" ON "DbInstance"("connectionId", "accountId", "region", "dbInstanceIdentifier");

