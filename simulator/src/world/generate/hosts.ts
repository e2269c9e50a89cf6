// Dedicated hosts. Some accept one instance type only (HostProperties.InstanceType set), others
// any size of a family (InstanceFamily set, AllowsMultipleInstanceTypes on), as on AWS.
import { HOST_FAMILIES } from "../catalog/instance-types";
import { ids } from "../ids";
import type { Ec2Host } from "../types";
import { isoDaysBeforeEpoch, nextName, type RegionContext } from "./context";

export function makeHost(ctx: RegionContext, options: { released?: boolean } = {}): Ec2Host {
  const { rng } = ctx;
  const family = rng.pick(Object.keys(HOST_FAMILIES));
  const hw = HOST_FAMILIES[family];
  const singleType = rng.chance(0.4) ? rng.pick(hw.types) : undefined;
  const allocated = isoDaysBeforeEpoch(rng.int(60, 900), rng);
  const host: Ec2Host = {
    HostId: ids.host(rng),
    State: options.released ? "released" : "available",
    AvailabilityZone: rng.pick(ctx.azs),
    HostProperties: {
      Sockets: hw.sockets,
      Cores: hw.cores,
      TotalVCpus: hw.totalVCpus,
      ...(singleType ? { InstanceType: singleType } : { InstanceFamily: family }),
    },
    AllocationTime: allocated,
    AutoPlacement: rng.chance(0.5) ? "on" : "off",
    HostRecovery: rng.chance(0.3) ? "on" : "off",
    AllowsMultipleInstanceTypes: singleType ? "off" : "on",
    Tags: [
      { Key: "Name", Value: nextName(ctx, `host-${family}`) },
      { Key: "Purpose", Value: "byol" },
    ],
  };
  if (options.released) host.ReleaseTime = isoDaysBeforeEpoch(rng.int(5, 50), rng);
  return host;
}

/** Instance types that fit on the host, given the vCPUs still free. */
export function typesForHost(host: Ec2Host, freeVcpus: number, vcpusOf: (t: string) => number): string[] {
  const family = host.HostProperties.InstanceType?.split(".")[0] ?? host.HostProperties.InstanceFamily!;
  const allowed = host.HostProperties.InstanceType ? [host.HostProperties.InstanceType] : HOST_FAMILIES[family].types;
  return allowed.filter((t) => vcpusOf(t) <= freeVcpus);
}
