-- Free-text search (the q filter) and tag filters read a trigram index instead of scanning
-- the JSON of every row. Each inventory table gets a searchText column (the values of its data
-- JSON and its tag keys, one per line, written by the collector: lib/resources/search-text.ts),
-- filled here for rows stored before, and an FTS5 table over it with the table itself as
-- content (no second copy of the text). Triggers keep the index in step with every write,
-- whichever writer made it. Queries use it to find candidates, then apply the same LIKE as a
-- full scan (lib/inventory/query/search-sql.ts).
-- detail=none: the index keeps which rows hold a trigram, not where (a third of the size and
-- of the cost per write of detail=full, measured on 1 KB rows), which is all LIKE needs.
-- automerge 16: segments are merged in larger steps (a fifth less work per written row, a
-- search reads a few more segments, which measured no slower).
-- NB: external content is keyed by rowid, which VACUUM may renumber for these tables (TEXT
-- primary keys): after a VACUUM, rebuild each search table (the FTS5 rebuild command).

-- Ec2Instance
ALTER TABLE "Ec2Instance" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "Ec2Instance" SET "searchText" = CASE WHEN json_valid("Ec2Instance"."data") THEN coalesce((SELECT group_concat(CASE WHEN j.path = '$.tags' THEN j.key || char(10) ELSE '' END || CASE j.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(j.atom AS TEXT) END, char(10)) FROM json_tree("Ec2Instance"."data") AS j WHERE j.type IN ('text', 'integer', 'real', 'true', 'false')), '') ELSE '' END;
CREATE VIRTUAL TABLE "Ec2InstanceSearch" USING fts5("searchText", content='Ec2Instance', content_rowid='rowid', tokenize='trigram', detail=none);
CREATE TRIGGER "Ec2InstanceSearch_insert" AFTER INSERT ON "Ec2Instance" BEGIN
  INSERT INTO "Ec2InstanceSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "Ec2InstanceSearch_delete" AFTER DELETE ON "Ec2Instance" BEGIN
  INSERT INTO "Ec2InstanceSearch"("Ec2InstanceSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "Ec2InstanceSearch_update" AFTER UPDATE OF "searchText" ON "Ec2Instance" WHEN old."searchText" IS NOT new."searchText" BEGIN
  INSERT INTO "Ec2InstanceSearch"("Ec2InstanceSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
  INSERT INTO "Ec2InstanceSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
INSERT INTO "Ec2InstanceSearch"("Ec2InstanceSearch", rank) VALUES ('automerge', 16);
INSERT INTO "Ec2InstanceSearch"("Ec2InstanceSearch") VALUES ('rebuild');

-- DedicatedHost
ALTER TABLE "DedicatedHost" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "DedicatedHost" SET "searchText" = CASE WHEN json_valid("DedicatedHost"."data") THEN coalesce((SELECT group_concat(CASE WHEN j.path = '$.tags' THEN j.key || char(10) ELSE '' END || CASE j.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(j.atom AS TEXT) END, char(10)) FROM json_tree("DedicatedHost"."data") AS j WHERE j.type IN ('text', 'integer', 'real', 'true', 'false')), '') ELSE '' END;
CREATE VIRTUAL TABLE "DedicatedHostSearch" USING fts5("searchText", content='DedicatedHost', content_rowid='rowid', tokenize='trigram', detail=none);
CREATE TRIGGER "DedicatedHostSearch_insert" AFTER INSERT ON "DedicatedHost" BEGIN
  INSERT INTO "DedicatedHostSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "DedicatedHostSearch_delete" AFTER DELETE ON "DedicatedHost" BEGIN
  INSERT INTO "DedicatedHostSearch"("DedicatedHostSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "DedicatedHostSearch_update" AFTER UPDATE OF "searchText" ON "DedicatedHost" WHEN old."searchText" IS NOT new."searchText" BEGIN
  INSERT INTO "DedicatedHostSearch"("DedicatedHostSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
  INSERT INTO "DedicatedHostSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
INSERT INTO "DedicatedHostSearch"("DedicatedHostSearch", rank) VALUES ('automerge', 16);
INSERT INTO "DedicatedHostSearch"("DedicatedHostSearch") VALUES ('rebuild');

-- ReservedInstance
ALTER TABLE "ReservedInstance" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "ReservedInstance" SET "searchText" = CASE WHEN json_valid("ReservedInstance"."data") THEN coalesce((SELECT group_concat(CASE WHEN j.path = '$.tags' THEN j.key || char(10) ELSE '' END || CASE j.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(j.atom AS TEXT) END, char(10)) FROM json_tree("ReservedInstance"."data") AS j WHERE j.type IN ('text', 'integer', 'real', 'true', 'false')), '') ELSE '' END;
CREATE VIRTUAL TABLE "ReservedInstanceSearch" USING fts5("searchText", content='ReservedInstance', content_rowid='rowid', tokenize='trigram', detail=none);
CREATE TRIGGER "ReservedInstanceSearch_insert" AFTER INSERT ON "ReservedInstance" BEGIN
  INSERT INTO "ReservedInstanceSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "ReservedInstanceSearch_delete" AFTER DELETE ON "ReservedInstance" BEGIN
  INSERT INTO "ReservedInstanceSearch"("ReservedInstanceSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "ReservedInstanceSearch_update" AFTER UPDATE OF "searchText" ON "ReservedInstance" WHEN old."searchText" IS NOT new."searchText" BEGIN
  INSERT INTO "ReservedInstanceSearch"("ReservedInstanceSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
  INSERT INTO "ReservedInstanceSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
INSERT INTO "ReservedInstanceSearch"("ReservedInstanceSearch", rank) VALUES ('automerge', 16);
INSERT INTO "ReservedInstanceSearch"("ReservedInstanceSearch") VALUES ('rebuild');

-- DbInstance
ALTER TABLE "DbInstance" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "DbInstance" SET "searchText" = CASE WHEN json_valid("DbInstance"."data") THEN coalesce((SELECT group_concat(CASE WHEN j.path = '$.tags' THEN j.key || char(10) ELSE '' END || CASE j.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(j.atom AS TEXT) END, char(10)) FROM json_tree("DbInstance"."data") AS j WHERE j.type IN ('text', 'integer', 'real', 'true', 'false')), '') ELSE '' END;
CREATE VIRTUAL TABLE "DbInstanceSearch" USING fts5("searchText", content='DbInstance', content_rowid='rowid', tokenize='trigram', detail=none);
CREATE TRIGGER "DbInstanceSearch_insert" AFTER INSERT ON "DbInstance" BEGIN
  INSERT INTO "DbInstanceSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "DbInstanceSearch_delete" AFTER DELETE ON "DbInstance" BEGIN
  INSERT INTO "DbInstanceSearch"("DbInstanceSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "DbInstanceSearch_update" AFTER UPDATE OF "searchText" ON "DbInstance" WHEN old."searchText" IS NOT new."searchText" BEGIN
  INSERT INTO "DbInstanceSearch"("DbInstanceSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
  INSERT INTO "DbInstanceSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
INSERT INTO "DbInstanceSearch"("DbInstanceSearch", rank) VALUES ('automerge', 16);
INSERT INTO "DbInstanceSearch"("DbInstanceSearch") VALUES ('rebuild');

-- ManagedNode
ALTER TABLE "ManagedNode" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "ManagedNode" SET "searchText" = CASE WHEN json_valid("ManagedNode"."data") THEN coalesce((SELECT group_concat(CASE WHEN j.path = '$.tags' THEN j.key || char(10) ELSE '' END || CASE j.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(j.atom AS TEXT) END, char(10)) FROM json_tree("ManagedNode"."data") AS j WHERE j.type IN ('text', 'integer', 'real', 'true', 'false')), '') ELSE '' END;
CREATE VIRTUAL TABLE "ManagedNodeSearch" USING fts5("searchText", content='ManagedNode', content_rowid='rowid', tokenize='trigram', detail=none);
CREATE TRIGGER "ManagedNodeSearch_insert" AFTER INSERT ON "ManagedNode" BEGIN
  INSERT INTO "ManagedNodeSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "ManagedNodeSearch_delete" AFTER DELETE ON "ManagedNode" BEGIN
  INSERT INTO "ManagedNodeSearch"("ManagedNodeSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "ManagedNodeSearch_update" AFTER UPDATE OF "searchText" ON "ManagedNode" WHEN old."searchText" IS NOT new."searchText" BEGIN
  INSERT INTO "ManagedNodeSearch"("ManagedNodeSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
  INSERT INTO "ManagedNodeSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
INSERT INTO "ManagedNodeSearch"("ManagedNodeSearch", rank) VALUES ('automerge', 16);
INSERT INTO "ManagedNodeSearch"("ManagedNodeSearch") VALUES ('rebuild');

-- InstalledSoftware
ALTER TABLE "InstalledSoftware" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "InstalledSoftware" SET "searchText" = CASE WHEN json_valid("InstalledSoftware"."data") THEN coalesce((SELECT group_concat(CASE WHEN j.path = '$.tags' THEN j.key || char(10) ELSE '' END || CASE j.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(j.atom AS TEXT) END, char(10)) FROM json_tree("InstalledSoftware"."data") AS j WHERE j.type IN ('text', 'integer', 'real', 'true', 'false')), '') ELSE '' END;
CREATE VIRTUAL TABLE "InstalledSoftwareSearch" USING fts5("searchText", content='InstalledSoftware', content_rowid='rowid', tokenize='trigram', detail=none);
CREATE TRIGGER "InstalledSoftwareSearch_insert" AFTER INSERT ON "InstalledSoftware" BEGIN
  INSERT INTO "InstalledSoftwareSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
CREATE TRIGGER "InstalledSoftwareSearch_delete" AFTER DELETE ON "InstalledSoftware" BEGIN
  INSERT INTO "InstalledSoftwareSearch"("InstalledSoftwareSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
END;
CREATE TRIGGER "InstalledSoftwareSearch_update" AFTER UPDATE OF "searchText" ON "InstalledSoftware" WHEN old."searchText" IS NOT new."searchText" BEGIN
  INSERT INTO "InstalledSoftwareSearch"("InstalledSoftwareSearch", rowid, "searchText") VALUES ('delete', old.rowid, old."searchText");
  INSERT INTO "InstalledSoftwareSearch"(rowid, "searchText") VALUES (new.rowid, new."searchText");
END;
INSERT INTO "InstalledSoftwareSearch"("InstalledSoftwareSearch", rank) VALUES ('automerge', 16);
INSERT INTO "InstalledSoftwareSearch"("InstalledSoftwareSearch") VALUES ('rebuild');
