-- Resources are counted once whatever the connections that see them (issue 11): rows keyed by
-- account + region + resource ID, each connection's view kept as a Sighting. Existing databases
-- are merged: first seen = the earliest over connections, live while any connection still saw it.
-- DropIndex
DROP INDEX "Ec2Instance_connectionId_accountId_region_instanceId_key";

-- DropIndex
DROP INDEX "DedicatedHost_connectionId_accountId_region_hostId_key";

-- DropIndex
DROP INDEX "ReservedInstance_connectionId_accountId_region_reservedInst_key";

-- DropIndex
DROP INDEX "DbInstance_connectionId_accountId_region_dbInstanceIdentifi_key";

-- AlterTable
ALTER TABLE "RunSnapshot" ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'connection';

-- AlterTable
ALTER TABLE "Ec2Instance" ADD COLUMN     "removedReason" TEXT,
ADD COLUMN     "seenBy" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "DedicatedHost" ADD COLUMN     "removedReason" TEXT,
ADD COLUMN     "seenBy" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ReservedInstance" ADD COLUMN     "removedReason" TEXT,
ADD COLUMN     "seenBy" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "DbInstance" ADD COLUMN     "removedReason" TEXT,
ADD COLUMN     "seenBy" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Sighting" (
    "resourceType" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "lastRunId" TEXT NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,

    CONSTRAINT "Sighting_pkey" PRIMARY KEY ("resourceType","accountId","region","resourceId","connectionId")
);

-- CreateIndex
CREATE INDEX "Sighting_connectionId_resourceType_accountId_region_idx" ON "Sighting"("connectionId", "resourceType", "accountId", "region");

-- CreateIndex
CREATE INDEX "ChangeEvent_resourceType_resourceId_at_idx" ON "ChangeEvent"("resourceType", "resourceId", "at");

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

-- CreateIndex
CREATE UNIQUE INDEX "Ec2Instance_accountId_region_instanceId_key" ON "Ec2Instance"("accountId", "region", "instanceId");

-- CreateIndex
CREATE UNIQUE INDEX "DedicatedHost_accountId_region_hostId_key" ON "DedicatedHost"("accountId", "region", "hostId");

-- CreateIndex
CREATE UNIQUE INDEX "ReservedInstance_accountId_region_reservedInstancesId_key" ON "ReservedInstance"("accountId", "region", "reservedInstancesId");

-- CreateIndex
CREATE UNIQUE INDEX "DbInstance_accountId_region_dbInstanceIdentifier_key" ON "DbInstance"("accountId", "region", "dbInstanceIdentifier");

-- The kept row speaks for every connection: first seen the earliest, live while any sighting is,
-- seen by all of them.
UPDATE "Ec2Instance" SET
  "firstSeenAt" = (SELECT MIN("s"."firstSeenAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'ec2-instance' AND "s"."accountId" = "Ec2Instance"."accountId" AND "s"."region" = "Ec2Instance"."region" AND "s"."resourceId" = "Ec2Instance"."instanceId"),
  "removedAt" = CASE WHEN EXISTS (SELECT 1 FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'ec2-instance' AND "s"."accountId" = "Ec2Instance"."accountId" AND "s"."region" = "Ec2Instance"."region" AND "s"."resourceId" = "Ec2Instance"."instanceId" AND "s"."endedAt" IS NULL) THEN NULL ELSE (SELECT MAX("s"."endedAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'ec2-instance' AND "s"."accountId" = "Ec2Instance"."accountId" AND "s"."region" = "Ec2Instance"."region" AND "s"."resourceId" = "Ec2Instance"."instanceId") END,
  "seenBy" = (SELECT '|' || string_agg("s"."connectionId", '|' ORDER BY "s"."connectionId") || '|' FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'ec2-instance' AND "s"."accountId" = "Ec2Instance"."accountId" AND "s"."region" = "Ec2Instance"."region" AND "s"."resourceId" = "Ec2Instance"."instanceId");
UPDATE "Ec2Instance" SET "removedReason" = 'removed' WHERE "removedAt" IS NOT NULL;
UPDATE "DedicatedHost" SET
  "firstSeenAt" = (SELECT MIN("s"."firstSeenAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'dedicated-host' AND "s"."accountId" = "DedicatedHost"."accountId" AND "s"."region" = "DedicatedHost"."region" AND "s"."resourceId" = "DedicatedHost"."hostId"),
  "removedAt" = CASE WHEN EXISTS (SELECT 1 FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'dedicated-host' AND "s"."accountId" = "DedicatedHost"."accountId" AND "s"."region" = "DedicatedHost"."region" AND "s"."resourceId" = "DedicatedHost"."hostId" AND "s"."endedAt" IS NULL) THEN NULL ELSE (SELECT MAX("s"."endedAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'dedicated-host' AND "s"."accountId" = "DedicatedHost"."accountId" AND "s"."region" = "DedicatedHost"."region" AND "s"."resourceId" = "DedicatedHost"."hostId") END,
  "seenBy" = (SELECT '|' || string_agg("s"."connectionId", '|' ORDER BY "s"."connectionId") || '|' FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'dedicated-host' AND "s"."accountId" = "DedicatedHost"."accountId" AND "s"."region" = "DedicatedHost"."region" AND "s"."resourceId" = "DedicatedHost"."hostId");
UPDATE "DedicatedHost" SET "removedReason" = 'removed' WHERE "removedAt" IS NOT NULL;
UPDATE "ReservedInstance" SET
  "firstSeenAt" = (SELECT MIN("s"."firstSeenAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'reserved-instance' AND "s"."accountId" = "ReservedInstance"."accountId" AND "s"."region" = "ReservedInstance"."region" AND "s"."resourceId" = "ReservedInstance"."reservedInstancesId"),
  "removedAt" = CASE WHEN EXISTS (SELECT 1 FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'reserved-instance' AND "s"."accountId" = "ReservedInstance"."accountId" AND "s"."region" = "ReservedInstance"."region" AND "s"."resourceId" = "ReservedInstance"."reservedInstancesId" AND "s"."endedAt" IS NULL) THEN NULL ELSE (SELECT MAX("s"."endedAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'reserved-instance' AND "s"."accountId" = "ReservedInstance"."accountId" AND "s"."region" = "ReservedInstance"."region" AND "s"."resourceId" = "ReservedInstance"."reservedInstancesId") END,
  "seenBy" = (SELECT '|' || string_agg("s"."connectionId", '|' ORDER BY "s"."connectionId") || '|' FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'reserved-instance' AND "s"."accountId" = "ReservedInstance"."accountId" AND "s"."region" = "ReservedInstance"."region" AND "s"."resourceId" = "ReservedInstance"."reservedInstancesId");
UPDATE "ReservedInstance" SET "removedReason" = 'removed' WHERE "removedAt" IS NOT NULL;
UPDATE "DbInstance" SET
  "firstSeenAt" = (SELECT MIN("s"."firstSeenAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'rds-db-instance' AND "s"."accountId" = "DbInstance"."accountId" AND "s"."region" = "DbInstance"."region" AND "s"."resourceId" = "DbInstance"."dbInstanceIdentifier"),
  "removedAt" = CASE WHEN EXISTS (SELECT 1 FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'rds-db-instance' AND "s"."accountId" = "DbInstance"."accountId" AND "s"."region" = "DbInstance"."region" AND "s"."resourceId" = "DbInstance"."dbInstanceIdentifier" AND "s"."endedAt" IS NULL) THEN NULL ELSE (SELECT MAX("s"."endedAt") FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'rds-db-instance' AND "s"."accountId" = "DbInstance"."accountId" AND "s"."region" = "DbInstance"."region" AND "s"."resourceId" = "DbInstance"."dbInstanceIdentifier") END,
  "seenBy" = (SELECT '|' || string_agg("s"."connectionId", '|' ORDER BY "s"."connectionId") || '|' FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'rds-db-instance' AND "s"."accountId" = "DbInstance"."accountId" AND "s"."region" = "DbInstance"."region" AND "s"."resourceId" = "DbInstance"."dbInstanceIdentifier");
UPDATE "DbInstance" SET "removedReason" = 'removed' WHERE "removedAt" IS NOT NULL;
