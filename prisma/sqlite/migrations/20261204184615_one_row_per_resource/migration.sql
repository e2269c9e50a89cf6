-- Resources are counted once whatever the connections that see them (issue 11): rows keyed by
-- account + region + resource ID, each connection's view kept as a Sighting. Existing databases
-- are merged: first seen = the earliest over connections, live while any connection still saw it.
-- CreateTable
CREATE TABLE "Sighting" (
    "resourceType" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "lastRunId" TEXT NOT NULL,
    "endedAt" DATETIME,
    "endReason" TEXT,

    PRIMARY KEY ("resourceType", "accountId", "region", "resourceId", "connectionId")
);

-- Each stored row was one connection's view of a resource: it becomes that connection's sighting.
INSERT INTO "Sighting" ("resourceType", "accountId", "region", "resourceId", "connectionId", "firstSeenAt", "lastSeenAt", "lastRunId", "endedAt", "endReason")
SELECT 'ec2-instance', "accountId", "region", "instanceId", "connectionId", "firstSeenAt", "lastSeenAt", "lastRunId", "removedAt", CASE WHEN "removedAt" IS NULL THEN NULL ELSE 'not-seen' END FROM "Ec2Instance";
INSERT INTO "Sighting" ("resourceType", "accountId", "region", "resourceId", "connectionId", "firstSeenAt", "lastSeenAt", "lastRunId", "endedAt", "endReason")
SELECT 'dedicated-host', "accountId", "region", "hostId", "connectionId", "firstSeenAt", "lastSeenAt", "lastRunId", "removedAt", CASE WHEN "removedAt" IS NULL THEN NULL ELSE 'not-seen' END FROM "DedicatedHost";
INSERT INTO "Sighting" ("resourceType", "accountId", "region", "resourceId", "connectionId", "firstSeenAt", "lastSeenAt", "lastRunId", "endedAt", "endReason")
SELECT 'reserved-instance', "accountId", "region", "reservedInstancesId", "connectionId", "firstSeenAt", "lastSeenAt", "lastRunId", "removedAt", CASE WHEN "removedAt" IS NULL THEN NULL ELSE 'not-seen' END FROM "ReservedInstance";
INSERT INTO "Sighting" ("resourceType", "accountId", "region", "resourceId", "connectionId", "firstSeenAt", "lastSeenAt", "lastRunId", "endedAt", "endReason")
SELECT 'rds-db-instance', "accountId", "region", "dbInstanceIdentifier", "connectionId", "firstSeenAt", "lastSeenAt", "lastRunId", "removedAt", CASE WHEN "removedAt" IS NULL THEN NULL ELSE 'not-seen' END FROM "DbInstance";

-- One row per resource: keep the newest observation's row (its fields are the newest).
DELETE FROM "Ec2Instance" WHERE "id" IN (SELECT "id" FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "accountId", "region", "instanceId" ORDER BY "lastSeenAt" DESC, "id" DESC) AS "rank" FROM "Ec2Instance") AS "ranked" WHERE "rank" > 1);
DELETE FROM "DedicatedHost" WHERE "id" IN (SELECT "id" FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "accountId", "region", "hostId" ORDER BY "lastSeenAt" DESC, "id" DESC) AS "rank" FROM "DedicatedHost") AS "ranked" WHERE "rank" > 1);
DELETE FROM "ReservedInstance" WHERE "id" IN (SELECT "id" FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "accountId", "region", "reservedInstancesId" ORDER BY "lastSeenAt" DESC, "id" DESC) AS "rank" FROM "ReservedInstance") AS "ranked" WHERE "rank" > 1);
DELETE FROM "DbInstance" WHERE "id" IN (SELECT "id" FROM (SELECT "id", ROW_NUMBER() OVER (PARTITION BY "accountId", "region", "dbInstanceIdentifier" ORDER BY "lastSeenAt" DESC, "id" DESC) AS "rank" FROM "DbInstance") AS "ranked" WHERE "rank" > 1);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RunSnapshot" (
    "runId" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "takenAt" DATETIME NOT NULL,
    "instances" INTEGER NOT NULL,
    "runningVcpus" INTEGER NOT NULL,
    "totalVcpus" INTEGER NOT NULL,
    "oracleProcessors" INTEGER NOT NULL,
    "hostCores" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'connection'
);
INSERT INTO "new_RunSnapshot" ("connectionId", "hostCores", "instances", "oracleProcessors", "runId", "runningVcpus", "summary", "takenAt", "totalVcpus") SELECT "connectionId", "hostCores", "instances", "oracleProcessors", "runId", "runningVcpus", "summary", "takenAt", "totalVcpus" FROM "RunSnapshot";
DROP TABLE "RunSnapshot";
ALTER TABLE "new_RunSnapshot" RENAME TO "RunSnapshot";
CREATE INDEX "RunSnapshot_connectionId_takenAt_idx" ON "RunSnapshot"("connectionId", "takenAt");
CREATE INDEX "RunSnapshot_takenAt_idx" ON "RunSnapshot"("takenAt");
CREATE TABLE "new_Ec2Instance" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "launchTime" DATETIME,
    "availabilityZone" TEXT,
    "imageId" TEXT,
    "data" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    "lastRunId" TEXT NOT NULL,
    "removedReason" TEXT,
    "seenBy" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_Ec2Instance" ("accountId", "availabilityZone", "connectionId", "data", "firstSeenAt", "hostId", "id", "imageId", "instanceId", "instanceType", "lastRunId", "lastSeenAt", "launchTime", "licenceModel", "licensedProduct", "lifecycle", "name", "platformDetails", "raw", "region", "removedAt", "state", "tenancy", "usageOperation", "vcpus") SELECT "accountId", "availabilityZone", "connectionId", "data", "firstSeenAt", "hostId", "id", "imageId", "instanceId", "instanceType", "lastRunId", "lastSeenAt", "launchTime", "licenceModel", "licensedProduct", "lifecycle", "name", "platformDetails", "raw", "region", "removedAt", "state", "tenancy", "usageOperation", "vcpus" FROM "Ec2Instance";
DROP TABLE "Ec2Instance";
ALTER TABLE "new_Ec2Instance" RENAME TO "Ec2Instance";
CREATE INDEX "Ec2Instance_instanceId_removedAt_id_idx" ON "Ec2Instance"("instanceId", "removedAt", "id");
CREATE INDEX "Ec2Instance_accountId_removedAt_idx" ON "Ec2Instance"("accountId", "removedAt");
CREATE INDEX "Ec2Instance_connectionId_removedAt_idx" ON "Ec2Instance"("connectionId", "removedAt");
CREATE INDEX "Ec2Instance_instanceType_removedAt_idx" ON "Ec2Instance"("instanceType", "removedAt");
CREATE INDEX "Ec2Instance_licensedProduct_licenceModel_removedAt_idx" ON "Ec2Instance"("licensedProduct", "licenceModel", "removedAt");
CREATE INDEX "Ec2Instance_licenceModel_state_tenancy_region_removedAt_id_idx" ON "Ec2Instance"("licenceModel", "state", "tenancy", "region", "removedAt", "id");
CREATE UNIQUE INDEX "Ec2Instance_accountId_region_instanceId_key" ON "Ec2Instance"("accountId", "region", "instanceId");
CREATE TABLE "new_DedicatedHost" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    "lastRunId" TEXT NOT NULL,
    "removedReason" TEXT,
    "seenBy" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_DedicatedHost" ("accountId", "availabilityZone", "connectionId", "cores", "data", "firstSeenAt", "hostId", "id", "instanceFamily", "instanceType", "lastRunId", "lastSeenAt", "name", "raw", "region", "removedAt", "sockets", "state", "totalVcpus") SELECT "accountId", "availabilityZone", "connectionId", "cores", "data", "firstSeenAt", "hostId", "id", "instanceFamily", "instanceType", "lastRunId", "lastSeenAt", "name", "raw", "region", "removedAt", "sockets", "state", "totalVcpus" FROM "DedicatedHost";
DROP TABLE "DedicatedHost";
ALTER TABLE "new_DedicatedHost" RENAME TO "DedicatedHost";
CREATE INDEX "DedicatedHost_removedAt_hostId_idx" ON "DedicatedHost"("removedAt", "hostId");
CREATE UNIQUE INDEX "DedicatedHost_accountId_region_hostId_key" ON "DedicatedHost"("accountId", "region", "hostId");
CREATE TABLE "new_ReservedInstance" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "startAt" DATETIME,
    "endAt" DATETIME,
    "data" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    "lastRunId" TEXT NOT NULL,
    "removedReason" TEXT,
    "seenBy" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_ReservedInstance" ("accountId", "availabilityZone", "connectionId", "data", "endAt", "firstSeenAt", "id", "instanceCount", "instanceTenancy", "instanceType", "lastRunId", "lastSeenAt", "offeringClass", "productDescription", "raw", "region", "removedAt", "reservedInstancesId", "scope", "startAt", "state") SELECT "accountId", "availabilityZone", "connectionId", "data", "endAt", "firstSeenAt", "id", "instanceCount", "instanceTenancy", "instanceType", "lastRunId", "lastSeenAt", "offeringClass", "productDescription", "raw", "region", "removedAt", "reservedInstancesId", "scope", "startAt", "state" FROM "ReservedInstance";
DROP TABLE "ReservedInstance";
ALTER TABLE "new_ReservedInstance" RENAME TO "ReservedInstance";
CREATE INDEX "ReservedInstance_removedAt_endAt_idx" ON "ReservedInstance"("removedAt", "endAt");
CREATE UNIQUE INDEX "ReservedInstance_accountId_region_reservedInstancesId_key" ON "ReservedInstance"("accountId", "region", "reservedInstancesId");
CREATE TABLE "new_DbInstance" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "firstSeenAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    "lastRunId" TEXT NOT NULL,
    "removedReason" TEXT,
    "seenBy" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_DbInstance" ("accountId", "availabilityZone", "connectionId", "data", "dbInstanceClass", "dbInstanceIdentifier", "engine", "engineVersion", "firstSeenAt", "id", "lastRunId", "lastSeenAt", "licenceModel", "multiAz", "raw", "region", "removedAt", "status", "vcpus") SELECT "accountId", "availabilityZone", "connectionId", "data", "dbInstanceClass", "dbInstanceIdentifier", "engine", "engineVersion", "firstSeenAt", "id", "lastRunId", "lastSeenAt", "licenceModel", "multiAz", "raw", "region", "removedAt", "status", "vcpus" FROM "DbInstance";
DROP TABLE "DbInstance";
ALTER TABLE "new_DbInstance" RENAME TO "DbInstance";
CREATE INDEX "DbInstance_removedAt_dbInstanceIdentifier_idx" ON "DbInstance"("removedAt", "dbInstanceIdentifier");
CREATE INDEX "DbInstance_engine_licenceModel_idx" ON "DbInstance"("engine", "licenceModel");
CREATE UNIQUE INDEX "DbInstance_accountId_region_dbInstanceIdentifier_key" ON "DbInstance"("accountId", "region", "dbInstanceIdentifier");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- The kept row speaks for every connection: first seen the earliest, live while any sighting is,
-- seen by all of them.
UPDATE "Ec2Instance" SET
  "firstSeenAt" = (SELECT MIN("s"."firstSeenAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'ec2-instance' AND "s"."accountId" = "Ec2Instance"."accountId" AND "s"."region" = "Ec2Instance"."region" AND "s"."resourceId" = "Ec2Instance"."instanceId"),
  "removedAt" = CASE WHEN EXISTS (SELECT 1 FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'ec2-instance' AND "s"."accountId" = "Ec2Instance"."accountId" AND "s"."region" = "Ec2Instance"."region" AND "s"."resourceId" = "Ec2Instance"."instanceId" AND "s"."endedAt" IS NULL) THEN NULL ELSE (SELECT MAX("s"."endedAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'ec2-instance' AND "s"."accountId" = "Ec2Instance"."accountId" AND "s"."region" = "Ec2Instance"."region" AND "s"."resourceId" = "Ec2Instance"."instanceId") END,
  "seenBy" = (SELECT '|' || group_concat("s"."connectionId", '|') || '|' FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'ec2-instance' AND "s"."accountId" = "Ec2Instance"."accountId" AND "s"."region" = "Ec2Instance"."region" AND "s"."resourceId" = "Ec2Instance"."instanceId");
UPDATE "Ec2Instance" SET "removedReason" = 'removed' WHERE "removedAt" IS NOT NULL;
UPDATE "DedicatedHost" SET
  "firstSeenAt" = (SELECT MIN("s"."firstSeenAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'dedicated-host' AND "s"."accountId" = "DedicatedHost"."accountId" AND "s"."region" = "DedicatedHost"."region" AND "s"."resourceId" = "DedicatedHost"."hostId"),
  "removedAt" = CASE WHEN EXISTS (SELECT 1 FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'dedicated-host' AND "s"."accountId" = "DedicatedHost"."accountId" AND "s"."region" = "DedicatedHost"."region" AND "s"."resourceId" = "DedicatedHost"."hostId" AND "s"."endedAt" IS NULL) THEN NULL ELSE (SELECT MAX("s"."endedAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'dedicated-host' AND "s"."accountId" = "DedicatedHost"."accountId" AND "s"."region" = "DedicatedHost"."region" AND "s"."resourceId" = "DedicatedHost"."hostId") END,
  "seenBy" = (SELECT '|' || group_concat("s"."connectionId", '|') || '|' FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'dedicated-host' AND "s"."accountId" = "DedicatedHost"."accountId" AND "s"."region" = "DedicatedHost"."region" AND "s"."resourceId" = "DedicatedHost"."hostId");
UPDATE "DedicatedHost" SET "removedReason" = 'removed' WHERE "removedAt" IS NOT NULL;
UPDATE "ReservedInstance" SET
  "firstSeenAt" = (SELECT MIN("s"."firstSeenAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'reserved-instance' AND "s"."accountId" = "ReservedInstance"."accountId" AND "s"."region" = "ReservedInstance"."region" AND "s"."resourceId" = "ReservedInstance"."reservedInstancesId"),
  "removedAt" = CASE WHEN EXISTS (SELECT 1 FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'reserved-instance' AND "s"."accountId" = "ReservedInstance"."accountId" AND "s"."region" = "ReservedInstance"."region" AND "s"."resourceId" = "ReservedInstance"."reservedInstancesId" AND "s"."endedAt" IS NULL) THEN NULL ELSE (SELECT MAX("s"."endedAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'reserved-instance' AND "s"."accountId" = "ReservedInstance"."accountId" AND "s"."region" = "ReservedInstance"."region" AND "s"."resourceId" = "ReservedInstance"."reservedInstancesId") END,
  "seenBy" = (SELECT '|' || group_concat("s"."connectionId", '|') || '|' FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'reserved-instance' AND "s"."accountId" = "ReservedInstance"."accountId" AND "s"."region" = "ReservedInstance"."region" AND "s"."resourceId" = "ReservedInstance"."reservedInstancesId");
UPDATE "ReservedInstance" SET "removedReason" = 'removed' WHERE "removedAt" IS NOT NULL;
UPDATE "DbInstance" SET
  "firstSeenAt" = (SELECT MIN("s"."firstSeenAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'rds-db-instance' AND "s"."accountId" = "DbInstance"."accountId" AND "s"."region" = "DbInstance"."region" AND "s"."resourceId" = "DbInstance"."dbInstanceIdentifier"),
  "removedAt" = CASE WHEN EXISTS (SELECT 1 FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'rds-db-instance' AND "s"."accountId" = "DbInstance"."accountId" AND "s"."region" = "DbInstance"."region" AND "s"."resourceId" = "DbInstance"."dbInstanceIdentifier" AND "s"."endedAt" IS NULL) THEN NULL ELSE (SELECT MAX("s"."endedAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'rds-db-instance' AND "s"."accountId" = "DbInstance"."accountId" AND "s"."region" = "DbInstance"."region" AND "s"."resourceId" = "DbInstance"."dbInstanceIdentifier") END,
  "seenBy" = (SELECT '|' || group_concat("s"."connectionId", '|') || '|' FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'rds-db-instance' AND "s"."accountId" = "DbInstance"."accountId" AND "s"."region" = "DbInstance"."region" AND "s"."resourceId" = "DbInstance"."dbInstanceIdentifier");
UPDATE "DbInstance" SET "removedReason" = 'removed' WHERE "removedAt" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Sighting_connectionId_resourceType_accountId_region_idx" ON "Sighting"("connectionId", "resourceType", "accountId", "region");

-- CreateIndex
CREATE INDEX "ChangeEvent_resourceType_resourceId_at_idx" ON "ChangeEvent"("resourceType", "resourceId", "at");

