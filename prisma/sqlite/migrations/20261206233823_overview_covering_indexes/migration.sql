-- CreateIndex
CREATE INDEX "Ec2Instance_accountId_region_state_licensedProduct_licenceModel_hostId_vcpus_removedAt_idx" ON "Ec2Instance"("accountId", "region", "state", "licensedProduct", "licenceModel", "hostId", "vcpus", "removedAt");

-- CreateIndex
CREATE INDEX "Ec2Instance_state_lifecycle_accountId_region_availabilityZone_instanceType_platformDetails_tenancy_removedAt_idx" ON "Ec2Instance"("state", "lifecycle", "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy", "removedAt");

