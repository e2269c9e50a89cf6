import type { Instance } from "@aws-sdk/client-ec2";
import { type ConfigItem, dates, sdkShape, sdkTags } from "../collect/config-item";
import { mapInstance } from "./map";
import type { InstanceRow } from "./row";

/** An AWS::EC2::Instance Config item as the row DescribeInstances would give. */
export function instanceFromConfigItem(item: ConfigItem): InstanceRow {
  const config = dates(sdkShape(item), ["LaunchTime", "UsageOperationUpdateTime"]);
  const placement = { AvailabilityZone: item.availabilityZone, ...(config.Placement as object | undefined) };
  const instance = {
    ...config,
    InstanceId: config.InstanceId ?? item.resourceId,
    Placement: placement,
    Tags: sdkTags(item) ?? config.Tags,
  } as Instance;
  // Config's instance item has no reservation: its owner is the recording account.
  return mapInstance(instance, { OwnerId: item.accountId });
}
