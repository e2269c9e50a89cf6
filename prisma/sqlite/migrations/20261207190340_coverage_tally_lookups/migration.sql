-- RI coverage read every group of Ec2CoverageTally twice (34,034 groups at 1M instances: 42-66 ms
-- on SQLite) to split them into those an active RI could cover and the rest. It now looks up
-- the groups of each RI pool (account, region, type) and sums the rest per type, platform and
-- tenancy from a covering index (about 4 ms).

-- CreateIndex
CREATE INDEX "Ec2CoverageTally_accountId_region_instanceType_idx" ON "Ec2CoverageTally"("accountId", "region", "instanceType");

-- CreateIndex
CREATE INDEX "Ec2CoverageTally_instanceType_platformDetails_tenancy_instances_idx" ON "Ec2CoverageTally"("instanceType", "platformDetails", "tenancy", "instances");

