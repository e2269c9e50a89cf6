// DescribeInstances filter names (the subset a collector and tests use; see docs/simulator.md).
import type { Ec2Instance } from "../../world/types";
import { type FilterValues, tagValues } from "./filters";

export const instanceFilterValues =
  (ownerId: string): FilterValues<Ec2Instance> =>
  (i, name) => {
    switch (name) {
      case "instance-id":
        return [i.InstanceId];
      case "image-id":
        return [i.ImageId];
      case "instance-type":
        return [i.InstanceType];
      case "instance-state-name":
        return [i.State.Name];
      case "instance-state-code":
        return [String(i.State.Code)];
      case "availability-zone":
        return [i.Placement.AvailabilityZone];
      case "tenancy":
        return [i.Placement.Tenancy];
      case "host-id":
        return [i.Placement.HostId];
      case "platform":
        return [i.Platform];
      case "platform-details":
        return [i.PlatformDetails];
      case "usage-operation":
        return [i.UsageOperation];
      case "instance-lifecycle":
        return [i.InstanceLifecycle];
      case "vpc-id":
        return [i.VpcId];
      case "subnet-id":
        return [i.SubnetId];
      case "private-ip-address":
        return [i.PrivateIpAddress];
      case "ip-address":
        return [i.PublicIpAddress];
      case "reservation-id":
        return [i.ReservationId];
      case "owner-id":
        return [ownerId];
      case "architecture":
        return [i.Architecture];
      case "key-name":
        return [i.KeyName];
      case "iam-instance-profile.arn":
        return [i.IamInstanceProfile?.Arn];
      default:
        return tagValues(i.Tags, name);
    }
  };
