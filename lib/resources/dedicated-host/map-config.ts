import type { Host } from "@aws-sdk/client-ec2";
import { type ConfigItem, dates, sdkShape, sdkTags } from "../collect/config-item";
import { mapHost } from "./map";
import type { HostRow } from "./row";

/** An AWS::EC2::Host Config item as the row DescribeHosts would give. */
export function hostFromConfigItem(item: ConfigItem): HostRow {
  const config = dates(sdkShape(item), ["AllocationTime", "ReleaseTime"]);
  // Config wraps the host's allocation state: configuration.state.value.
  const state =
    config.State && typeof config.State === "object" ? (config.State as { Value?: string }).Value : config.State;
  const host = {
    ...config,
    HostId: config.HostId ?? item.resourceId,
    State: state,
    OwnerId: config.OwnerId ?? item.accountId,
    AvailabilityZone: config.AvailabilityZone ?? item.availabilityZone,
    Tags: sdkTags(item) ?? config.Tags,
  } as Host;
  return mapHost(host);
}
