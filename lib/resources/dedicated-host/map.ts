import type { Host } from "@aws-sdk/client-ec2";
import type { HostRow } from "./row";
import { iso, jsonSafe, nameOf, num, str, tagsOf } from "../collect/values";

/** One DescribeHosts host as a HostRow; the instances it lists are sorted by id. */
export function mapHost(host: Host): HostRow {
  const tags = tagsOf(host.Tags);
  const properties = host.HostProperties;
  return {
    hostId: host.HostId ?? "",
    ownerId: str(host.OwnerId),
    availabilityZone: str(host.AvailabilityZone),
    state: str(host.State),
    sockets: num(properties?.Sockets),
    cores: num(properties?.Cores),
    totalVcpus: num(properties?.TotalVCpus),
    instanceType: str(properties?.InstanceType),
    instanceFamily: str(properties?.InstanceFamily),
    instances: (host.Instances ?? [])
      .filter((i) => i.InstanceId)
      .map((i) => ({ instanceId: i.InstanceId!, instanceType: str(i.InstanceType), ownerId: str(i.OwnerId) }))
      .sort((a, b) => a.instanceId.localeCompare(b.instanceId)),
    availableVcpus: num(host.AvailableCapacity?.AvailableVCpus),
    allocationTime: iso(host.AllocationTime),
    releaseTime: iso(host.ReleaseTime),
    autoPlacement: str(host.AutoPlacement),
    hostRecovery: str(host.HostRecovery),
    hostReservationId: str(host.HostReservationId),
    name: nameOf(tags),
    tags,
    raw: jsonSafe(host),
  };
}
