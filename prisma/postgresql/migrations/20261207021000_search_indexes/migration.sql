-- Free-text search (the q filter) and tag filters read trigram GIN indexes instead of scanning
-- the JSON of every row (ILIKE and LIKE with a leading wildcard use them). pg_trgm is a trusted contrib extension
-- (PostgreSQL 13+), so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- Ec2Instance
CREATE INDEX "Ec2Instance_instanceId_trgm_idx" ON "Ec2Instance" USING gin ("instanceId" gin_trgm_ops);
CREATE INDEX "Ec2Instance_name_trgm_idx" ON "Ec2Instance" USING gin ("name" gin_trgm_ops);
CREATE INDEX "Ec2Instance_data_trgm_idx" ON "Ec2Instance" USING gin ("data" gin_trgm_ops);

-- DedicatedHost
CREATE INDEX "DedicatedHost_hostId_trgm_idx" ON "DedicatedHost" USING gin ("hostId" gin_trgm_ops);
CREATE INDEX "DedicatedHost_name_trgm_idx" ON "DedicatedHost" USING gin ("name" gin_trgm_ops);
CREATE INDEX "DedicatedHost_data_trgm_idx" ON "DedicatedHost" USING gin ("data" gin_trgm_ops);

-- ReservedInstance
CREATE INDEX "ReservedInstance_reservedInstancesId_trgm_idx" ON "ReservedInstance" USING gin ("reservedInstancesId" gin_trgm_ops);
CREATE INDEX "ReservedInstance_data_trgm_idx" ON "ReservedInstance" USING gin ("data" gin_trgm_ops);

-- DbInstance
CREATE INDEX "DbInstance_dbiResourceId_trgm_idx" ON "DbInstance" USING gin ("dbiResourceId" gin_trgm_ops);
CREATE INDEX "DbInstance_dbInstanceIdentifier_trgm_idx" ON "DbInstance" USING gin ("dbInstanceIdentifier" gin_trgm_ops);
CREATE INDEX "DbInstance_data_trgm_idx" ON "DbInstance" USING gin ("data" gin_trgm_ops);

-- ManagedNode
CREATE INDEX "ManagedNode_instanceId_trgm_idx" ON "ManagedNode" USING gin ("instanceId" gin_trgm_ops);
CREATE INDEX "ManagedNode_computerName_trgm_idx" ON "ManagedNode" USING gin ("computerName" gin_trgm_ops);
CREATE INDEX "ManagedNode_data_trgm_idx" ON "ManagedNode" USING gin ("data" gin_trgm_ops);

-- InstalledSoftware
CREATE INDEX "InstalledSoftware_softwareId_trgm_idx" ON "InstalledSoftware" USING gin ("softwareId" gin_trgm_ops);
CREATE INDEX "InstalledSoftware_name_trgm_idx" ON "InstalledSoftware" USING gin ("name" gin_trgm_ops);
CREATE INDEX "InstalledSoftware_data_trgm_idx" ON "InstalledSoftware" USING gin ("data" gin_trgm_ops);
