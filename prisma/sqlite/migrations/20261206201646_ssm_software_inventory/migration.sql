-- CreateTable
CREATE TABLE "ManagedNode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "pingStatus" TEXT,
    "agentVersion" TEXT,
    "platformType" TEXT,
    "platformName" TEXT,
    "platformVersion" TEXT,
    "computerName" TEXT,
    "lastPingAt" DATETIME,
    "lastInventoryAt" DATETIME,
    "cpuCores" INTEGER,
    "cpuSockets" INTEGER,
    "cpus" INTEGER,
    "hyperThreading" BOOLEAN,
    "data" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    "lastRunId" TEXT NOT NULL,
    "removedReason" TEXT,
    "seenBy" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "InstalledSoftware" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "softwareId" TEXT NOT NULL,
    "instanceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publisher" TEXT,
    "version" TEXT,
    "architecture" TEXT,
    "product" TEXT,
    "edition" TEXT,
    "licenceFree" BOOLEAN,
    "data" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    "lastRunId" TEXT NOT NULL,
    "removedReason" TEXT,
    "seenBy" TEXT NOT NULL DEFAULT ''
);

-- CreateIndex
CREATE INDEX "ManagedNode_removedAt_instanceId_idx" ON "ManagedNode"("removedAt", "instanceId");

-- CreateIndex
CREATE INDEX "ManagedNode_pingStatus_removedAt_idx" ON "ManagedNode"("pingStatus", "removedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ManagedNode_accountId_region_instanceId_key" ON "ManagedNode"("accountId", "region", "instanceId");

-- CreateIndex
CREATE INDEX "InstalledSoftware_removedAt_softwareId_idx" ON "InstalledSoftware"("removedAt", "softwareId");

-- CreateIndex
CREATE INDEX "InstalledSoftware_instanceId_removedAt_idx" ON "InstalledSoftware"("instanceId", "removedAt");

-- CreateIndex
CREATE INDEX "InstalledSoftware_product_edition_removedAt_idx" ON "InstalledSoftware"("product", "edition", "removedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InstalledSoftware_accountId_region_softwareId_key" ON "InstalledSoftware"("accountId", "region", "softwareId");

