// A host as AWS reports it: the stored record plus what is derived from the instances placed on
// it (Instances[], AvailableCapacity) and the owning account.
import { HOST_FAMILIES, vcpus } from "./catalog/instance-types";
import type { RegionStore } from "./region-store";
import type { Ec2Host } from "./types";

export interface HostView extends Ec2Host {
  OwnerId: string;
  Instances: { InstanceId: string; InstanceType: string; OwnerId: string }[];
  AvailableCapacity: {
    AvailableInstanceCapacity: { InstanceType: string; AvailableCapacity: number; TotalCapacity: number }[];
    AvailableVCpus: number;
  };
}

function sizeOf(type: string): number {
  try {
    return vcpus(type);
  } catch {
    return 2;
  }
}

export function hostView(store: RegionStore, host: Ec2Host): HostView {
  const placed = store.instancesOnHost(host.HostId);
  const free = store.hostAvailableVcpus(host);
  const family = host.HostProperties.InstanceFamily;
  const types = host.HostProperties.InstanceType
    ? [host.HostProperties.InstanceType]
    : (HOST_FAMILIES[family ?? ""]?.types ?? []);
  return {
    ...host,
    OwnerId: store.accountId,
    Instances: placed.map((i) => ({
      InstanceId: i.InstanceId,
      InstanceType: i.InstanceType,
      OwnerId: store.accountId,
    })),
    AvailableCapacity: {
      AvailableInstanceCapacity: types.map((t) => ({
        InstanceType: t,
        AvailableCapacity: Math.floor(free / sizeOf(t)),
        TotalCapacity: Math.floor(host.HostProperties.TotalVCpus / sizeOf(t)),
      })),
      AvailableVCpus: free,
    },
  };
}
