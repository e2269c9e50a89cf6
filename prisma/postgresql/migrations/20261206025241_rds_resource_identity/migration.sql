-- An RDS DB instance is identified as AWS identifies it (issue 11): by its DbiResourceId
-- ("db-..."), which it keeps for life, not by its identifier, a name a user can change, or reuse
-- for a new DB once the old one is deleted. Existing rows take the DbiResourceId of their stored
-- observation (the identifier only where AWS left it out), and the history kept under the
-- identifier (sightings, change events) moves to it.
--
-- A DB renamed before this version was stored as two resources sharing one DbiResourceId (the
-- old name removed, the new name created): they become one resource again, the old name's
-- removal recorded as the rename it was.

-- DropIndex
DROP INDEX "DbInstance_accountId_region_dbInstanceIdentifier_key";

-- AlterTable
ALTER TABLE "DbInstance" ADD COLUMN     "dbiResourceId" TEXT;
UPDATE "DbInstance" SET "dbiResourceId" = COALESCE(NULLIF("data"::json ->> 'dbiResourceId', ''), "dbInstanceIdentifier");
ALTER TABLE "DbInstance" ALTER COLUMN "dbiResourceId" SET NOT NULL;

-- Until the history has moved: history rows find their DB by name.
CREATE INDEX "DbInstance_by_name_tmp" ON "DbInstance"("accountId", "region", "dbInstanceIdentifier");

-- Every name that gave way to a newer name of the same DB (by when each was last seen), with the
-- name that followed it: these rows merge into the row of the newest name.
CREATE TABLE "RdsRename_tmp" AS
SELECT "id", "accountId", "region", "dbiResourceId", "dbInstanceIdentifier" AS "fromName", "toName", "lastSeenAt"
FROM (SELECT "id", "accountId", "region", "dbiResourceId", "dbInstanceIdentifier", "lastSeenAt", LEAD("dbInstanceIdentifier") OVER (PARTITION BY "accountId", "region", "dbiResourceId" ORDER BY "lastSeenAt", "id") AS "toName" FROM "DbInstance") AS "named"
WHERE "toName" IS NOT NULL;

-- The old name's last removal was the rename (an earlier removal, before it was seen again, stays).
UPDATE "ChangeEvent" SET
  "kind" = 'changed',
  "changes" = (SELECT json_build_array(json_build_object('field', 'dbInstanceIdentifier', 'from', "r"."fromName", 'to', "r"."toName"))::text FROM "RdsRename_tmp" AS "r" WHERE "r"."accountId" = "ChangeEvent"."accountId" AND "r"."region" = "ChangeEvent"."region" AND "r"."fromName" = "ChangeEvent"."resourceId")
WHERE "resourceType" = 'rds-db-instance' AND "kind" = 'removed'
  AND EXISTS (SELECT 1 FROM "RdsRename_tmp" AS "r" WHERE "r"."accountId" = "ChangeEvent"."accountId" AND "r"."region" = "ChangeEvent"."region" AND "r"."fromName" = "ChangeEvent"."resourceId" AND "ChangeEvent"."at" > "r"."lastSeenAt");

-- Change events: from the DB's name to its DbiResourceId.
UPDATE "ChangeEvent" SET "resourceId" = (SELECT "d"."dbiResourceId" FROM "DbInstance" AS "d" WHERE "d"."accountId" = "ChangeEvent"."accountId" AND "d"."region" = "ChangeEvent"."region" AND "d"."dbInstanceIdentifier" = "ChangeEvent"."resourceId")
WHERE "resourceType" = 'rds-db-instance'
  AND EXISTS (SELECT 1 FROM "DbInstance" AS "d" WHERE "d"."accountId" = "ChangeEvent"."accountId" AND "d"."region" = "ChangeEvent"."region" AND "d"."dbInstanceIdentifier" = "ChangeEvent"."resourceId");

-- Sightings: from the name to the DbiResourceId, one per connection and DB. Where a connection saw
-- a DB under several names, its newest sighting stays, first seen when the earliest was.
CREATE TABLE "RdsSighting_tmp" AS
SELECT "s"."accountId", "s"."region", "d"."dbiResourceId", "s"."connectionId",
  MIN("s"."firstSeenAt") OVER (PARTITION BY "s"."accountId", "s"."region", "d"."dbiResourceId", "s"."connectionId") AS "firstSeenAt",
  "s"."lastSeenAt", "s"."lastRunId", "s"."endedAt", "s"."endReason",
  ROW_NUMBER() OVER (PARTITION BY "s"."accountId", "s"."region", "d"."dbiResourceId", "s"."connectionId" ORDER BY "s"."lastSeenAt" DESC, "s"."resourceId" DESC) AS "rank"
FROM "Sighting" AS "s" JOIN "DbInstance" AS "d" ON "d"."accountId" = "s"."accountId" AND "d"."region" = "s"."region" AND "d"."dbInstanceIdentifier" = "s"."resourceId"
WHERE "s"."resourceType" = 'rds-db-instance';
DELETE FROM "Sighting" WHERE "resourceType" = 'rds-db-instance'
  AND EXISTS (SELECT 1 FROM "DbInstance" AS "d" WHERE "d"."accountId" = "Sighting"."accountId" AND "d"."region" = "Sighting"."region" AND "d"."dbInstanceIdentifier" = "Sighting"."resourceId");
INSERT INTO "Sighting" ("resourceType", "accountId", "region", "resourceId", "connectionId", "firstSeenAt", "lastSeenAt", "lastRunId", "endedAt", "endReason")
SELECT 'rds-db-instance', "accountId", "region", "dbiResourceId", "connectionId", "firstSeenAt", "lastSeenAt", "lastRunId", "endedAt", "endReason" FROM "RdsSighting_tmp" WHERE "rank" = 1;
DROP TABLE "RdsSighting_tmp";

-- A renamed DB's row is its newest name's (newest fields, liveness), first seen when its first
-- name was, seen by every connection that saw it under any name.
UPDATE "DbInstance" SET
  "firstSeenAt" = (SELECT MIN("o"."firstSeenAt") FROM "DbInstance" AS "o" WHERE "o"."accountId" = "DbInstance"."accountId" AND "o"."region" = "DbInstance"."region" AND "o"."dbiResourceId" = "DbInstance"."dbiResourceId"),
  "seenBy" = COALESCE((SELECT '|' || string_agg("s"."connectionId", '|' ORDER BY "s"."connectionId") || '|' FROM "Sighting" AS "s" WHERE "s"."resourceType" = 'rds-db-instance' AND "s"."accountId" = "DbInstance"."accountId" AND "s"."region" = "DbInstance"."region" AND "s"."resourceId" = "DbInstance"."dbiResourceId"), "seenBy")
WHERE "id" NOT IN (SELECT "id" FROM "RdsRename_tmp")
  AND EXISTS (SELECT 1 FROM "RdsRename_tmp" AS "r" WHERE "r"."accountId" = "DbInstance"."accountId" AND "r"."region" = "DbInstance"."region" AND "r"."dbiResourceId" = "DbInstance"."dbiResourceId");
DELETE FROM "DbInstance" WHERE "id" IN (SELECT "id" FROM "RdsRename_tmp");

DROP TABLE "RdsRename_tmp";
DROP INDEX "DbInstance_by_name_tmp";

-- CreateIndex
CREATE UNIQUE INDEX "DbInstance_accountId_region_dbiResourceId_key" ON "DbInstance"("accountId", "region", "dbiResourceId");
