// DescribeInstances XML. EC2 names differ from the SDK's: State → instanceState,
// PublicIpAddress → ipAddress, PublicDnsName → dnsName, StateTransitionReason → reason.
import type { Ec2Instance } from "../../world/types";
import { leaf, list, node, tagSet } from "./xml-common";

export function instanceXml(i: Ec2Instance): string {
  return (
    leaf("instanceId", i.InstanceId) +
    leaf("imageId", i.ImageId) +
    node("instanceState", leaf("code", i.State.Code), leaf("name", i.State.Name)) +
    leaf("privateDnsName", i.PrivateDnsName) +
    leaf("dnsName", i.PublicDnsName ?? "") +
    leaf("reason", i.StateTransitionReason ?? "") +
    leaf("keyName", i.KeyName) +
    leaf("amiLaunchIndex", 0) +
    "<productCodes/>" +
    leaf("instanceType", i.InstanceType) +
    leaf("launchTime", i.LaunchTime) +
    node(
      "placement",
      leaf("availabilityZone", i.Placement.AvailabilityZone),
      leaf("groupName", ""),
      leaf("tenancy", i.Placement.Tenancy),
      leaf("hostId", i.Placement.HostId),
      leaf("affinity", i.Placement.Affinity),
    ) +
    leaf("platform", i.Platform) +
    node("monitoring", leaf("state", "disabled")) +
    leaf("subnetId", i.SubnetId) +
    leaf("vpcId", i.VpcId) +
    leaf("privateIpAddress", i.PrivateIpAddress) +
    leaf("ipAddress", i.PublicIpAddress) +
    leaf("architecture", i.Architecture) +
    leaf("rootDeviceType", "ebs") +
    leaf("rootDeviceName", i.Platform === "windows" ? "/dev/sda1" : "/dev/xvda") +
    (i.IamInstanceProfile
      ? node("iamInstanceProfile", leaf("arn", i.IamInstanceProfile.Arn), leaf("id", i.IamInstanceProfile.Id))
      : "") +
    leaf("instanceLifecycle", i.InstanceLifecycle) +
    leaf("spotInstanceRequestId", i.SpotInstanceRequestId) +
    leaf("virtualizationType", "hvm") +
    leaf("hypervisor", "xen") +
    tagSet(i.Tags) +
    leaf("ebsOptimized", true) +
    leaf("enaSupport", true) +
    (i.OmitCpuOptions
      ? ""
      : node(
          "cpuOptions",
          leaf("coreCount", i.CpuOptions.CoreCount),
          leaf("threadsPerCore", i.CpuOptions.ThreadsPerCore),
        )) +
    (i.Licenses?.length
      ? list("licenseSet", "item", i.Licenses, (l) => leaf("licenseConfigurationArn", l.LicenseConfigurationArn))
      : "") +
    leaf("platformDetails", i.PlatformDetails) +
    leaf("usageOperation", i.UsageOperation) +
    leaf("usageOperationUpdateTime", i.UsageOperationUpdateTime) +
    leaf("bootMode", "uefi-preferred")
  );
}

/** Instances of one page grouped into their reservations, keeping the page order. */
export function reservationSetXml(instances: Ec2Instance[], ownerId: string): string {
  const groups = new Map<string, Ec2Instance[]>();
  for (const i of instances) {
    const g = groups.get(i.ReservationId) ?? [];
    g.push(i);
    groups.set(i.ReservationId, g);
  }
  return list(
    "reservationSet",
    "item",
    [...groups.entries()],
    ([id, items]) =>
      leaf("reservationId", id) +
      leaf("ownerId", ownerId) +
      "<groupSet/>" +
      list("instancesSet", "item", items, instanceXml),
  );
}
