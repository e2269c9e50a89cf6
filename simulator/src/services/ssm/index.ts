// Systems Manager (awsJson1_1, X-Amz-Target AmazonSSM.<Op>): the managed-node list and the
// inventory reads a software inventory needs.
import type { ServiceModule } from "../context";
import { describeInstanceInformation } from "./describe-instance-information";
import { getInventory } from "./get-inventory";
import { listInventoryEntries } from "./list-inventory-entries";

export const ssm: ServiceModule = {
  actions: {
    DescribeInstanceInformation: describeInstanceInformation,
    GetInventory: getInventory,
    ListInventoryEntries: listInventoryEntries,
  },
};
