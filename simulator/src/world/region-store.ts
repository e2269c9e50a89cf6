// One account's resources in one region, materialized on first access. Host instance lists and
// capacity are derived from the instances so mutations keep them consistent.
import { vcpus } from "./catalog/instance-types";
import type { DbInstance, Ec2Host, Ec2Image, Ec2Instance, ReservedInstance } from "./types";

export class RegionStore {
  constructor(
    readonly accountId: string,
    readonly region: string,
    public instances: Ec2Instance[],
    public hosts: Ec2Host[],
    public reservedInstances: ReservedInstance[],
    public images: Ec2Image[],
    public dbInstances: DbInstance[],
  ) {}

  /** Instances currently placed on a host (terminated ones have left it). */
  instancesOnHost(hostId: string): Ec2Instance[] {
    return this.instances.filter((i) => i.Placement.HostId === hostId && i.State.Name !== "terminated");
  }

  hostAvailableVcpus(host: Ec2Host): number {
    if (host.State !== "available") return 0;
    const used = this.instancesOnHost(host.HostId).reduce((s, i) => s + safeVcpus(i), 0);
    return Math.max(0, host.HostProperties.TotalVCpus - used);
  }

  image(imageId: string): Ec2Image | undefined {
    return this.images.find((i) => i.ImageId === imageId);
  }
}

function safeVcpus(i: Ec2Instance): number {
  try {
    return vcpus(i.InstanceType);
  } catch {
    return i.CpuOptions.CoreCount * i.CpuOptions.ThreadsPerCore;
  }
}
