-- The Overview counted a million current instances with two GROUP BYs over covering indexes on
-- every load (410 ms at 1M on SQLite, before the page's own work). Two tallies hold those counts
-- per group, kept in step by triggers on Ec2Instance: every writer (collection, scope exits,
-- purges, deleted connections, upgrades) changes them in the same statement, without knowing of
-- them. The triggers fire only when a counted column changes: a collection's touch of lastSeenAt
-- on every row it sees again does not. The two covering indexes go: each one was written for
-- every instance collected, and only a per-connection Overview (tests) still counts the rows.

-- DropIndex
DROP INDEX "Ec2Instance_accountId_region_state_licensedProduct_licenceModel_hostId_vcpus_removedAt_idx";

-- DropIndex
DROP INDEX "Ec2Instance_state_lifecycle_accountId_region_availabilityZone_instanceType_platformDetails_tenancy_removedAt_idx";

-- CreateTable
CREATE TABLE "Ec2InstanceTally" (
    "groupKey" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "state" TEXT,
    "licensedProduct" TEXT NOT NULL,
    "licenceModel" TEXT NOT NULL,
    "hostId" TEXT,
    "instances" INTEGER NOT NULL,
    "vcpus" INTEGER NOT NULL
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "Ec2CoverageTally" (
    "groupKey" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "availabilityZone" TEXT,
    "instanceType" TEXT,
    "platformDetails" TEXT,
    "tenancy" TEXT,
    "instances" INTEGER NOT NULL
) WITHOUT ROWID;


-- A current row counts in its group: added, removed, or moved between groups. Then the rows
-- stored before.

CREATE TRIGGER "Ec2Instance_tally_insert" AFTER INSERT ON "Ec2Instance" WHEN NEW."removedAt" IS NULL
BEGIN
    INSERT INTO "Ec2InstanceTally" ("groupKey", "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId", "instances", "vcpus")
    SELECT json_array(NEW."accountId", NEW."region", NEW."state", NEW."licensedProduct", NEW."licenceModel", NEW."hostId"), NEW."accountId", NEW."region", NEW."state", NEW."licensedProduct", NEW."licenceModel", NEW."hostId", 1, COALESCE(NEW."vcpus", 0) WHERE true
    ON CONFLICT ("groupKey") DO UPDATE SET "instances" = "instances" + 1, "vcpus" = "vcpus" + excluded."vcpus";
END;

CREATE TRIGGER "Ec2Instance_tally_delete" AFTER DELETE ON "Ec2Instance" WHEN OLD."removedAt" IS NULL
BEGIN
    UPDATE "Ec2InstanceTally" SET "instances" = "instances" - 1, "vcpus" = "vcpus" - COALESCE(OLD."vcpus", 0) WHERE "groupKey" = json_array(OLD."accountId", OLD."region", OLD."state", OLD."licensedProduct", OLD."licenceModel", OLD."hostId");
    DELETE FROM "Ec2InstanceTally" WHERE "groupKey" = json_array(OLD."accountId", OLD."region", OLD."state", OLD."licensedProduct", OLD."licenceModel", OLD."hostId") AND "instances" = 0;
END;

CREATE TRIGGER "Ec2Instance_tally_update" AFTER UPDATE OF "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId", "vcpus", "removedAt" ON "Ec2Instance"
WHEN OLD."accountId" IS NOT NEW."accountId" OR OLD."region" IS NOT NEW."region" OR OLD."state" IS NOT NEW."state" OR OLD."licensedProduct" IS NOT NEW."licensedProduct" OR OLD."licenceModel" IS NOT NEW."licenceModel" OR OLD."hostId" IS NOT NEW."hostId" OR OLD."vcpus" IS NOT NEW."vcpus" OR OLD."removedAt" IS NOT NEW."removedAt"
BEGIN
    UPDATE "Ec2InstanceTally" SET "instances" = "instances" - 1, "vcpus" = "vcpus" - COALESCE(OLD."vcpus", 0) WHERE OLD."removedAt" IS NULL AND "groupKey" = json_array(OLD."accountId", OLD."region", OLD."state", OLD."licensedProduct", OLD."licenceModel", OLD."hostId");
    DELETE FROM "Ec2InstanceTally" WHERE OLD."removedAt" IS NULL AND "groupKey" = json_array(OLD."accountId", OLD."region", OLD."state", OLD."licensedProduct", OLD."licenceModel", OLD."hostId") AND "instances" = 0;
    INSERT INTO "Ec2InstanceTally" ("groupKey", "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId", "instances", "vcpus")
    SELECT json_array(NEW."accountId", NEW."region", NEW."state", NEW."licensedProduct", NEW."licenceModel", NEW."hostId"), NEW."accountId", NEW."region", NEW."state", NEW."licensedProduct", NEW."licenceModel", NEW."hostId", 1, COALESCE(NEW."vcpus", 0) WHERE NEW."removedAt" IS NULL
    ON CONFLICT ("groupKey") DO UPDATE SET "instances" = "instances" + 1, "vcpus" = "vcpus" + excluded."vcpus";
END;

INSERT INTO "Ec2InstanceTally" ("groupKey", "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId", "instances", "vcpus")
SELECT json_array("accountId", "region", "state", "licensedProduct", "licenceModel", "hostId"), "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId", COUNT(*), SUM(COALESCE("vcpus", 0))
FROM "Ec2Instance" WHERE "Ec2Instance"."removedAt" IS NULL GROUP BY "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId";

CREATE TRIGGER "Ec2Instance_coverage_insert" AFTER INSERT ON "Ec2Instance" WHEN NEW."removedAt" IS NULL AND NEW."state" = 'running' AND NEW."lifecycle" = 'on-demand'
BEGIN
    INSERT INTO "Ec2CoverageTally" ("groupKey", "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy", "instances")
    SELECT json_array(NEW."accountId", NEW."region", NEW."availabilityZone", NEW."instanceType", NEW."platformDetails", NEW."tenancy"), NEW."accountId", NEW."region", NEW."availabilityZone", NEW."instanceType", NEW."platformDetails", NEW."tenancy", 1 WHERE true
    ON CONFLICT ("groupKey") DO UPDATE SET "instances" = "instances" + 1;
END;

CREATE TRIGGER "Ec2Instance_coverage_delete" AFTER DELETE ON "Ec2Instance" WHEN OLD."removedAt" IS NULL AND OLD."state" = 'running' AND OLD."lifecycle" = 'on-demand'
BEGIN
    UPDATE "Ec2CoverageTally" SET "instances" = "instances" - 1 WHERE "groupKey" = json_array(OLD."accountId", OLD."region", OLD."availabilityZone", OLD."instanceType", OLD."platformDetails", OLD."tenancy");
    DELETE FROM "Ec2CoverageTally" WHERE "groupKey" = json_array(OLD."accountId", OLD."region", OLD."availabilityZone", OLD."instanceType", OLD."platformDetails", OLD."tenancy") AND "instances" = 0;
END;

CREATE TRIGGER "Ec2Instance_coverage_update" AFTER UPDATE OF "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy", "state", "lifecycle", "removedAt" ON "Ec2Instance"
WHEN OLD."accountId" IS NOT NEW."accountId" OR OLD."region" IS NOT NEW."region" OR OLD."availabilityZone" IS NOT NEW."availabilityZone" OR OLD."instanceType" IS NOT NEW."instanceType" OR OLD."platformDetails" IS NOT NEW."platformDetails" OR OLD."tenancy" IS NOT NEW."tenancy" OR OLD."state" IS NOT NEW."state" OR OLD."lifecycle" IS NOT NEW."lifecycle" OR OLD."removedAt" IS NOT NEW."removedAt"
BEGIN
    UPDATE "Ec2CoverageTally" SET "instances" = "instances" - 1 WHERE OLD."removedAt" IS NULL AND OLD."state" = 'running' AND OLD."lifecycle" = 'on-demand' AND "groupKey" = json_array(OLD."accountId", OLD."region", OLD."availabilityZone", OLD."instanceType", OLD."platformDetails", OLD."tenancy");
    DELETE FROM "Ec2CoverageTally" WHERE OLD."removedAt" IS NULL AND OLD."state" = 'running' AND OLD."lifecycle" = 'on-demand' AND "groupKey" = json_array(OLD."accountId", OLD."region", OLD."availabilityZone", OLD."instanceType", OLD."platformDetails", OLD."tenancy") AND "instances" = 0;
    INSERT INTO "Ec2CoverageTally" ("groupKey", "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy", "instances")
    SELECT json_array(NEW."accountId", NEW."region", NEW."availabilityZone", NEW."instanceType", NEW."platformDetails", NEW."tenancy"), NEW."accountId", NEW."region", NEW."availabilityZone", NEW."instanceType", NEW."platformDetails", NEW."tenancy", 1 WHERE NEW."removedAt" IS NULL AND NEW."state" = 'running' AND NEW."lifecycle" = 'on-demand'
    ON CONFLICT ("groupKey") DO UPDATE SET "instances" = "instances" + 1;
END;

INSERT INTO "Ec2CoverageTally" ("groupKey", "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy", "instances")
SELECT json_array("accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy"), "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy", COUNT(*)
FROM "Ec2Instance" WHERE "Ec2Instance"."removedAt" IS NULL AND "Ec2Instance"."state" = 'running' AND "Ec2Instance"."lifecycle" = 'on-demand' GROUP BY "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy";
