-- The Overview counted a million current instances with two GROUP BYs over covering indexes on
-- every load (410 ms at 1M on SQLite, before the page's own work). Two tallies hold those counts
-- per group, kept in step by triggers on Ec2Instance: every writer (collection, scope exits,
-- purges, deleted connections, upgrades) changes them in the same statement, without knowing of
-- them. The triggers fire only when a counted column changes: a collection's touch of lastSeenAt
-- on every row it sees again does not. The two covering indexes go: each one was written for
-- every instance collected, and only a per-connection Overview (tests) still counts the rows.

-- DropIndex
DROP INDEX "Ec2Instance_accountId_region_state_licensedProduct_licenceM_idx";

-- DropIndex
DROP INDEX "Ec2Instance_state_lifecycle_accountId_region_availabilityZo_idx";

-- CreateTable
CREATE TABLE "Ec2InstanceTally" (
    "groupKey" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "state" TEXT,
    "licensedProduct" TEXT NOT NULL,
    "licenceModel" TEXT NOT NULL,
    "hostId" TEXT,
    "instances" INTEGER NOT NULL,
    "vcpus" INTEGER NOT NULL,

    CONSTRAINT "Ec2InstanceTally_pkey" PRIMARY KEY ("groupKey")
);

-- CreateTable
CREATE TABLE "Ec2CoverageTally" (
    "groupKey" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "availabilityZone" TEXT,
    "instanceType" TEXT,
    "platformDetails" TEXT,
    "tenancy" TEXT,
    "instances" INTEGER NOT NULL,

    CONSTRAINT "Ec2CoverageTally_pkey" PRIMARY KEY ("groupKey")
);

-- A current row counts in its group: added, removed, or moved between groups. Then the rows
-- stored before.
-- Each function's body is an escape string with every semicolon written \073: migrate deploy
-- splits the script at each semicolon, a dollar-quoted body's too.

CREATE FUNCTION "ec2_instance_tally"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    IF OLD."removedAt" IS NULL THEN
      UPDATE "Ec2InstanceTally" SET "instances" = "instances" - 1, "vcpus" = "vcpus" - COALESCE(OLD."vcpus", 0) WHERE "groupKey" = json_build_array(OLD."accountId", OLD."region", OLD."state", OLD."licensedProduct", OLD."licenceModel", OLD."hostId")::text\073
      DELETE FROM "Ec2InstanceTally" WHERE "groupKey" = json_build_array(OLD."accountId", OLD."region", OLD."state", OLD."licensedProduct", OLD."licenceModel", OLD."hostId")::text AND "instances" = 0\073
    END IF\073
  END IF\073
  IF TG_OP = ''UPDATE'' THEN
    IF NEW."removedAt" IS NULL THEN
      INSERT INTO "Ec2InstanceTally" ("groupKey", "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId", "instances", "vcpus")
      VALUES (json_build_array(NEW."accountId", NEW."region", NEW."state", NEW."licensedProduct", NEW."licenceModel", NEW."hostId")::text, NEW."accountId", NEW."region", NEW."state", NEW."licensedProduct", NEW."licenceModel", NEW."hostId", 1, COALESCE(NEW."vcpus", 0))
      ON CONFLICT ("groupKey") DO UPDATE SET "instances" = "Ec2InstanceTally"."instances" + 1, "vcpus" = "Ec2InstanceTally"."vcpus" + EXCLUDED."vcpus"\073
    END IF\073
  END IF\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Ec2Instance_tally_delete" AFTER DELETE ON "Ec2Instance"
FOR EACH ROW WHEN (OLD."removedAt" IS NULL) EXECUTE FUNCTION "ec2_instance_tally"();

CREATE TRIGGER "Ec2Instance_tally_update" AFTER UPDATE OF "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId", "vcpus", "removedAt" ON "Ec2Instance"
FOR EACH ROW WHEN (OLD."accountId" IS DISTINCT FROM NEW."accountId" OR OLD."region" IS DISTINCT FROM NEW."region" OR OLD."state" IS DISTINCT FROM NEW."state" OR OLD."licensedProduct" IS DISTINCT FROM NEW."licensedProduct" OR OLD."licenceModel" IS DISTINCT FROM NEW."licenceModel" OR OLD."hostId" IS DISTINCT FROM NEW."hostId" OR OLD."vcpus" IS DISTINCT FROM NEW."vcpus" OR OLD."removedAt" IS DISTINCT FROM NEW."removedAt") EXECUTE FUNCTION "ec2_instance_tally"();

INSERT INTO "Ec2InstanceTally" ("groupKey", "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId", "instances", "vcpus")
SELECT json_build_array("accountId", "region", "state", "licensedProduct", "licenceModel", "hostId")::text, "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId", COUNT(*), SUM(COALESCE("vcpus", 0))
FROM "Ec2Instance" WHERE "Ec2Instance"."removedAt" IS NULL GROUP BY "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId";

CREATE FUNCTION "ec2_coverage_tally"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP <> ''INSERT'' THEN
    IF OLD."removedAt" IS NULL AND OLD."state" = ''running'' AND OLD."lifecycle" = ''on-demand'' THEN
      UPDATE "Ec2CoverageTally" SET "instances" = "instances" - 1 WHERE "groupKey" = json_build_array(OLD."accountId", OLD."region", OLD."availabilityZone", OLD."instanceType", OLD."platformDetails", OLD."tenancy")::text\073
      DELETE FROM "Ec2CoverageTally" WHERE "groupKey" = json_build_array(OLD."accountId", OLD."region", OLD."availabilityZone", OLD."instanceType", OLD."platformDetails", OLD."tenancy")::text AND "instances" = 0\073
    END IF\073
  END IF\073
  IF TG_OP = ''UPDATE'' THEN
    IF NEW."removedAt" IS NULL AND NEW."state" = ''running'' AND NEW."lifecycle" = ''on-demand'' THEN
      INSERT INTO "Ec2CoverageTally" ("groupKey", "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy", "instances")
      VALUES (json_build_array(NEW."accountId", NEW."region", NEW."availabilityZone", NEW."instanceType", NEW."platformDetails", NEW."tenancy")::text, NEW."accountId", NEW."region", NEW."availabilityZone", NEW."instanceType", NEW."platformDetails", NEW."tenancy", 1)
      ON CONFLICT ("groupKey") DO UPDATE SET "instances" = "Ec2CoverageTally"."instances" + 1\073
    END IF\073
  END IF\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Ec2Instance_coverage_delete" AFTER DELETE ON "Ec2Instance"
FOR EACH ROW WHEN (OLD."removedAt" IS NULL AND OLD."state" = 'running' AND OLD."lifecycle" = 'on-demand') EXECUTE FUNCTION "ec2_coverage_tally"();

CREATE TRIGGER "Ec2Instance_coverage_update" AFTER UPDATE OF "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy", "state", "lifecycle", "removedAt" ON "Ec2Instance"
FOR EACH ROW WHEN (OLD."accountId" IS DISTINCT FROM NEW."accountId" OR OLD."region" IS DISTINCT FROM NEW."region" OR OLD."availabilityZone" IS DISTINCT FROM NEW."availabilityZone" OR OLD."instanceType" IS DISTINCT FROM NEW."instanceType" OR OLD."platformDetails" IS DISTINCT FROM NEW."platformDetails" OR OLD."tenancy" IS DISTINCT FROM NEW."tenancy" OR OLD."state" IS DISTINCT FROM NEW."state" OR OLD."lifecycle" IS DISTINCT FROM NEW."lifecycle" OR OLD."removedAt" IS DISTINCT FROM NEW."removedAt") EXECUTE FUNCTION "ec2_coverage_tally"();

INSERT INTO "Ec2CoverageTally" ("groupKey", "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy", "instances")
SELECT json_build_array("accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy")::text, "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy", COUNT(*)
FROM "Ec2Instance" WHERE "Ec2Instance"."removedAt" IS NULL AND "Ec2Instance"."state" = 'running' AND "Ec2Instance"."lifecycle" = 'on-demand' GROUP BY "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy";

-- Rows inserted together are counted together: one upsert per group and statement. Counted row
-- by row, a tally row was updated once per instance, and PostgreSQL keeps every version of a row
-- a transaction updates until it ends: the collector's insert of a 10,000-instance scope walked
-- ever longer version chains (1M instances took 850 s to store instead of 640 s).
CREATE FUNCTION "ec2_instance_tallies_insert"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "Ec2InstanceTally" ("groupKey", "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId", "instances", "vcpus")
  SELECT json_build_array("accountId", "region", "state", "licensedProduct", "licenceModel", "hostId")::text, "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId", COUNT(*), SUM(COALESCE("vcpus", 0))
  FROM new_rows WHERE "removedAt" IS NULL GROUP BY "accountId", "region", "state", "licensedProduct", "licenceModel", "hostId"
  ON CONFLICT ("groupKey") DO UPDATE SET "instances" = "Ec2InstanceTally"."instances" + EXCLUDED."instances", "vcpus" = "Ec2InstanceTally"."vcpus" + EXCLUDED."vcpus"\073
  INSERT INTO "Ec2CoverageTally" ("groupKey", "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy", "instances")
  SELECT json_build_array("accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy")::text, "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy", COUNT(*)
  FROM new_rows WHERE "removedAt" IS NULL AND "state" = ''running'' AND "lifecycle" = ''on-demand'' GROUP BY "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy"
  ON CONFLICT ("groupKey") DO UPDATE SET "instances" = "Ec2CoverageTally"."instances" + EXCLUDED."instances"\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Ec2Instance_tallies_insert" AFTER INSERT ON "Ec2Instance"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ec2_instance_tallies_insert"();
