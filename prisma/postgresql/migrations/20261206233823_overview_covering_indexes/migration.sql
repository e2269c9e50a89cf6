-- CreateIndex
CREATE INDEX "Ec2Instance_accountId_region_state_licensedProduct_licenceM_idx" ON "Ec2Instance"("accountId", "region", "state", "licensedProduct", "licenceModel", "hostId", "vcpus", "removedAt");

-- CreateIndex
CREATE INDEX "Ec2Instance_state_lifecycle_accountId_region_availabilityZo_idx" ON "Ec2Instance"("state", "lifecycle", "accountId", "region", "availabilityZone", "instanceType", "platformDetails", "tenancy", "removedAt");

