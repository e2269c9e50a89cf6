-- Free-text search (the q filter) and tag filters read a trigram index instead of scanning
-- the JSON of every row: one FTS5 table per inventory table over the columns q searches, with the
-- table itself as content (no second copy of the text). Triggers keep it in step with every
-- write, whichever writer made it (the bulk statements of the collector, Prisma, a CLI). Queries use
-- it to find candidates, then apply the same LIKE as a full scan (lib/inventory/query/search-sql.ts).
-- detail=none: the index keeps which rows hold a trigram, not where (a third of the size and
-- of the cost per write of detail=full, measured on 1 KB rows), which is all LIKE needs.
-- automerge 16: segments are merged in larger steps (a fifth less work per written row, a
-- search reads a few more segments, which measured no slower).
-- NB: external content is keyed by rowid, which VACUUM may renumber for these tables (TEXT
-- primary keys): after a VACUUM, rebuild each search table (the FTS5 rebuild command).

-- Ec2Instance
CREATE VIRTUAL TABLE "Ec2InstanceSearch" USING fts5("instanceId", "name", "data", content='Ec2Instance', content_rowid='rowid', tokenize='trigram', detail=none);
CREATE TRIGGER "Ec2InstanceSearch_insert" AFTER INSERT ON "Ec2Instance" BEGIN
  INSERT INTO "Ec2InstanceSearch"(rowid, "instanceId", "name", "data") VALUES (new.rowid, new."instanceId", new."name", new."data");
END;
CREATE TRIGGER "Ec2InstanceSearch_delete" AFTER DELETE ON "Ec2Instance" BEGIN
  INSERT INTO "Ec2InstanceSearch"("Ec2InstanceSearch", rowid, "instanceId", "name", "data") VALUES ('delete', old.rowid, old."instanceId", old."name", old."data");
END;
CREATE TRIGGER "Ec2InstanceSearch_update" AFTER UPDATE OF "instanceId", "name", "data" ON "Ec2Instance" WHEN old."instanceId" IS NOT new."instanceId" OR old."name" IS NOT new."name" OR old."data" IS NOT new."data" BEGIN
  INSERT INTO "Ec2InstanceSearch"("Ec2InstanceSearch", rowid, "instanceId", "name", "data") VALUES ('delete', old.rowid, old."instanceId", old."name", old."data");
  INSERT INTO "Ec2InstanceSearch"(rowid, "instanceId", "name", "data") VALUES (new.rowid, new."instanceId", new."name", new."data");
END;
INSERT INTO "Ec2InstanceSearch"("Ec2InstanceSearch", rank) VALUES ('automerge', 16);
INSERT INTO "Ec2InstanceSearch"("Ec2InstanceSearch") VALUES ('rebuild');

-- DedicatedHost
CREATE VIRTUAL TABLE "DedicatedHostSearch" USING fts5("hostId", "name", "data", content='DedicatedHost', content_rowid='rowid', tokenize='trigram', detail=none);
CREATE TRIGGER "DedicatedHostSearch_insert" AFTER INSERT ON "DedicatedHost" BEGIN
  INSERT INTO "DedicatedHostSearch"(rowid, "hostId", "name", "data") VALUES (new.rowid, new."hostId", new."name", new."data");
END;
CREATE TRIGGER "DedicatedHostSearch_delete" AFTER DELETE ON "DedicatedHost" BEGIN
  INSERT INTO "DedicatedHostSearch"("DedicatedHostSearch", rowid, "hostId", "name", "data") VALUES ('delete', old.rowid, old."hostId", old."name", old."data");
END;
CREATE TRIGGER "DedicatedHostSearch_update" AFTER UPDATE OF "hostId", "name", "data" ON "DedicatedHost" WHEN old."hostId" IS NOT new."hostId" OR old."name" IS NOT new."name" OR old."data" IS NOT new."data" BEGIN
  INSERT INTO "DedicatedHostSearch"("DedicatedHostSearch", rowid, "hostId", "name", "data") VALUES ('delete', old.rowid, old."hostId", old."name", old."data");
  INSERT INTO "DedicatedHostSearch"(rowid, "hostId", "name", "data") VALUES (new.rowid, new."hostId", new."name", new."data");
END;
INSERT INTO "DedicatedHostSearch"("DedicatedHostSearch", rank) VALUES ('automerge', 16);
INSERT INTO "DedicatedHostSearch"("DedicatedHostSearch") VALUES ('rebuild');

-- ReservedInstance
CREATE VIRTUAL TABLE "ReservedInstanceSearch" USING fts5("reservedInstancesId", "data", content='ReservedInstance', content_rowid='rowid', tokenize='trigram', detail=none);
CREATE TRIGGER "ReservedInstanceSearch_insert" AFTER INSERT ON "ReservedInstance" BEGIN
  INSERT INTO "ReservedInstanceSearch"(rowid, "reservedInstancesId", "data") VALUES (new.rowid, new."reservedInstancesId", new."data");
END;
CREATE TRIGGER "ReservedInstanceSearch_delete" AFTER DELETE ON "ReservedInstance" BEGIN
  INSERT INTO "ReservedInstanceSearch"("ReservedInstanceSearch", rowid, "reservedInstancesId", "data") VALUES ('delete', old.rowid, old."reservedInstancesId", old."data");
END;
CREATE TRIGGER "ReservedInstanceSearch_update" AFTER UPDATE OF "reservedInstancesId", "data" ON "ReservedInstance" WHEN old."reservedInstancesId" IS NOT new."reservedInstancesId" OR old."data" IS NOT new."data" BEGIN
  INSERT INTO "ReservedInstanceSearch"("ReservedInstanceSearch", rowid, "reservedInstancesId", "data") VALUES ('delete', old.rowid, old."reservedInstancesId", old."data");
  INSERT INTO "ReservedInstanceSearch"(rowid, "reservedInstancesId", "data") VALUES (new.rowid, new."reservedInstancesId", new."data");
END;
INSERT INTO "ReservedInstanceSearch"("ReservedInstanceSearch", rank) VALUES ('automerge', 16);
INSERT INTO "ReservedInstanceSearch"("ReservedInstanceSearch") VALUES ('rebuild');

-- DbInstance
CREATE VIRTUAL TABLE "DbInstanceSearch" USING fts5("dbiResourceId", "dbInstanceIdentifier", "data", content='DbInstance', content_rowid='rowid', tokenize='trigram', detail=none);
CREATE TRIGGER "DbInstanceSearch_insert" AFTER INSERT ON "DbInstance" BEGIN
  INSERT INTO "DbInstanceSearch"(rowid, "dbiResourceId", "dbInstanceIdentifier", "data") VALUES (new.rowid, new."dbiResourceId", new."dbInstanceIdentifier", new."data");
END;
CREATE TRIGGER "DbInstanceSearch_delete" AFTER DELETE ON "DbInstance" BEGIN
  INSERT INTO "DbInstanceSearch"("DbInstanceSearch", rowid, "dbiResourceId", "dbInstanceIdentifier", "data") VALUES ('delete', old.rowid, old."dbiResourceId", old."dbInstanceIdentifier", old."data");
END;
CREATE TRIGGER "DbInstanceSearch_update" AFTER UPDATE OF "dbiResourceId", "dbInstanceIdentifier", "data" ON "DbInstance" WHEN old."dbiResourceId" IS NOT new."dbiResourceId" OR old."dbInstanceIdentifier" IS NOT new."dbInstanceIdentifier" OR old."data" IS NOT new."data" BEGIN
  INSERT INTO "DbInstanceSearch"("DbInstanceSearch", rowid, "dbiResourceId", "dbInstanceIdentifier", "data") VALUES ('delete', old.rowid, old."dbiResourceId", old."dbInstanceIdentifier", old."data");
  INSERT INTO "DbInstanceSearch"(rowid, "dbiResourceId", "dbInstanceIdentifier", "data") VALUES (new.rowid, new."dbiResourceId", new."dbInstanceIdentifier", new."data");
END;
INSERT INTO "DbInstanceSearch"("DbInstanceSearch", rank) VALUES ('automerge', 16);
INSERT INTO "DbInstanceSearch"("DbInstanceSearch") VALUES ('rebuild');

-- ManagedNode
CREATE VIRTUAL TABLE "ManagedNodeSearch" USING fts5("instanceId", "computerName", "data", content='ManagedNode', content_rowid='rowid', tokenize='trigram', detail=none);
CREATE TRIGGER "ManagedNodeSearch_insert" AFTER INSERT ON "ManagedNode" BEGIN
  INSERT INTO "ManagedNodeSearch"(rowid, "instanceId", "computerName", "data") VALUES (new.rowid, new."instanceId", new."computerName", new."data");
END;
CREATE TRIGGER "ManagedNodeSearch_delete" AFTER DELETE ON "ManagedNode" BEGIN
  INSERT INTO "ManagedNodeSearch"("ManagedNodeSearch", rowid, "instanceId", "computerName", "data") VALUES ('delete', old.rowid, old."instanceId", old."computerName", old."data");
END;
CREATE TRIGGER "ManagedNodeSearch_update" AFTER UPDATE OF "instanceId", "computerName", "data" ON "ManagedNode" WHEN old."instanceId" IS NOT new."instanceId" OR old."computerName" IS NOT new."computerName" OR old."data" IS NOT new."data" BEGIN
  INSERT INTO "ManagedNodeSearch"("ManagedNodeSearch", rowid, "instanceId", "computerName", "data") VALUES ('delete', old.rowid, old."instanceId", old."computerName", old."data");
  INSERT INTO "ManagedNodeSearch"(rowid, "instanceId", "computerName", "data") VALUES (new.rowid, new."instanceId", new."computerName", new."data");
END;
INSERT INTO "ManagedNodeSearch"("ManagedNodeSearch", rank) VALUES ('automerge', 16);
INSERT INTO "ManagedNodeSearch"("ManagedNodeSearch") VALUES ('rebuild');

-- InstalledSoftware
CREATE VIRTUAL TABLE "InstalledSoftwareSearch" USING fts5("softwareId", "name", "data", content='InstalledSoftware', content_rowid='rowid', tokenize='trigram', detail=none);
CREATE TRIGGER "InstalledSoftwareSearch_insert" AFTER INSERT ON "InstalledSoftware" BEGIN
  INSERT INTO "InstalledSoftwareSearch"(rowid, "softwareId", "name", "data") VALUES (new.rowid, new."softwareId", new."name", new."data");
END;
CREATE TRIGGER "InstalledSoftwareSearch_delete" AFTER DELETE ON "InstalledSoftware" BEGIN
  INSERT INTO "InstalledSoftwareSearch"("InstalledSoftwareSearch", rowid, "softwareId", "name", "data") VALUES ('delete', old.rowid, old."softwareId", old."name", old."data");
END;
CREATE TRIGGER "InstalledSoftwareSearch_update" AFTER UPDATE OF "softwareId", "name", "data" ON "InstalledSoftware" WHEN old."softwareId" IS NOT new."softwareId" OR old."name" IS NOT new."name" OR old."data" IS NOT new."data" BEGIN
  INSERT INTO "InstalledSoftwareSearch"("InstalledSoftwareSearch", rowid, "softwareId", "name", "data") VALUES ('delete', old.rowid, old."softwareId", old."name", old."data");
  INSERT INTO "InstalledSoftwareSearch"(rowid, "softwareId", "name", "data") VALUES (new.rowid, new."softwareId", new."name", new."data");
END;
INSERT INTO "InstalledSoftwareSearch"("InstalledSoftwareSearch", rank) VALUES ('automerge', 16);
INSERT INTO "InstalledSoftwareSearch"("InstalledSoftwareSearch") VALUES ('rebuild');
