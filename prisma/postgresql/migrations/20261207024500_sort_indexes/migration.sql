-- Unfiltered sorts of the instances table read an index instead of sorting every row: one per
-- column (column, instance ID, row ID), matching keysetOrderBy (lib/inventory/query/cursor.ts:
-- NULLs last, tie-breakers in the sort's direction). Raw SQL: Prisma's schema cannot say where
-- NULLs go in an index. Other sortable columns are read through the indexes they lead.
-- PostgreSQL cannot read an ascending NULLS LAST index backwards as descending NULLS LAST, so
-- each column has one index per direction.
CREATE INDEX "Ec2Instance_launchTime_asc_sort_idx" ON "Ec2Instance"("launchTime" ASC NULLS LAST, "instanceId" ASC, "id" ASC);
CREATE INDEX "Ec2Instance_launchTime_desc_sort_idx" ON "Ec2Instance"("launchTime" DESC NULLS LAST, "instanceId" DESC, "id" DESC);
CREATE INDEX "Ec2Instance_vcpus_asc_sort_idx" ON "Ec2Instance"("vcpus" ASC NULLS LAST, "instanceId" ASC, "id" ASC);
CREATE INDEX "Ec2Instance_vcpus_desc_sort_idx" ON "Ec2Instance"("vcpus" DESC NULLS LAST, "instanceId" DESC, "id" DESC);
CREATE INDEX "Ec2Instance_name_asc_sort_idx" ON "Ec2Instance"("name" ASC NULLS LAST, "instanceId" ASC, "id" ASC);
CREATE INDEX "Ec2Instance_name_desc_sort_idx" ON "Ec2Instance"("name" DESC NULLS LAST, "instanceId" DESC, "id" DESC);
