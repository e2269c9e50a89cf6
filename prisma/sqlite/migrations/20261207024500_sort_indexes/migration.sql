-- Unfiltered sorts of the instances table read an index instead of sorting every row: one per
-- column (column, instance ID, row ID), matching keysetOrderBy (lib/inventory/query/cursor.ts:
-- NULLs last, tie-breakers in the sort's direction). Raw SQL: Prisma's schema cannot say where
-- NULLs go in an index. Other sortable columns are read through the indexes they lead.
-- SQLite reads one index forwards for ascending and backwards for descending, NULLs last both ways.
CREATE INDEX "Ec2Instance_launchTime_sort_idx" ON "Ec2Instance"("launchTime", "instanceId", "id");
CREATE INDEX "Ec2Instance_vcpus_sort_idx" ON "Ec2Instance"("vcpus", "instanceId", "id");
CREATE INDEX "Ec2Instance_name_sort_idx" ON "Ec2Instance"("name", "instanceId", "id");
