-- DropIndex
DROP INDEX "Ec2Instance_removedAt_instanceId_idx";

-- DropIndex
DROP INDEX "Ec2Instance_accountId_idx";

-- DropIndex
DROP INDEX "Ec2Instance_instanceType_idx";

-- DropIndex
DROP INDEX "Ec2Instance_licensedProduct_licenceModel_idx";

-- CreateIndex
CREATE INDEX "Ec2Instance_instanceId_removedAt_id_idx" ON "Ec2Instance"("instanceId", "removedAt", "id");

-- CreateIndex
CREATE INDEX "Ec2Instance_accountId_removedAt_idx" ON "Ec2Instance"("accountId", "removedAt");

-- CreateIndex
CREATE INDEX "Ec2Instance_connectionId_removedAt_idx" ON "Ec2Instance"("connectionId", "removedAt");

-- CreateIndex
CREATE INDEX "Ec2Instance_instanceType_removedAt_idx" ON "Ec2Instance"("instanceType", "removedAt");

-- CreateIndex
CREATE INDEX "Ec2Instance_licensedProduct_licenceModel_removedAt_idx" ON "Ec2Instance"("licensedProduct", "licenceModel", "removedAt");

-- CreateIndex
CREATE INDEX "Ec2Instance_licenceModel_state_tenancy_region_removedAt_id_idx" ON "Ec2Instance"("licenceModel", "state", "tenancy", "region", "removedAt", "id");

