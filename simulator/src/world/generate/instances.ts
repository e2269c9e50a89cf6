// EC2 instances: profile (software/licence), tenancy, CPU topology, network and tags.
import { instanceTypeInfo } from "../catalog/instance-types";
import { PROFILES } from "../catalog/profiles";
import { arn, PARTITIONS } from "../partitions";
import { Prng } from "../prng";
import { ids } from "../ids";
import type { Ec2Host, Ec2Instance } from "../types";
import { isoDaysBeforeEpoch, nextName, type RegionContext } from "./context";
import { imageFor } from "./images";

export interface InstanceOptions {
  profile: string;
  tenancy?: "default" | "dedicated" | "host";
  host?: Ec2Host;
  type?: string;
  spot?: boolean;
  stopped?: boolean;
  /** Turn hyper-threading off (Optimize CPU), as licence-conscious teams do for SQL/Oracle. */
  singleThread?: boolean;
  reservationId?: string;
}

export const STATE_CODES = {
  pending: 0,
  running: 16,
  "shutting-down": 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
} as const;

export function makeInstance(ctx: RegionContext, o: InstanceOptions): Ec2Instance {
  const { rng } = ctx;
  const profile = PROFILES[o.profile];
  const type = o.type ?? rng.pick(profile.types);
  const info = instanceTypeInfo(type);
  const image = imageFor(ctx, profile);
  const azIndex = o.host ? ctx.azs.indexOf(o.host.AvailabilityZone) : rng.int(0, ctx.azs.length - 1);
  const ip = `10.${ctx.ipOctet}.${rng.int(0, 255)}.${rng.int(4, 254)}`;
  const launch = isoDaysBeforeEpoch(rng.int(1, 700), rng);
  const threads = o.singleThread ? 1 : info.threadsPerCore;
  const dnsZone = ctx.region === "us-east-1" ? "ec2.internal" : `${ctx.region}.compute.internal`;
  const name = nextName(ctx, profile.namePrefix);
  const instance: Ec2Instance = {
    InstanceId: ids.instance(rng),
    ReservationId: o.reservationId ?? ids.reservation(rng),
    InstanceType: type,
    ImageId: image.ImageId,
    State: o.stopped ? { Code: STATE_CODES.stopped, Name: "stopped" } : { Code: STATE_CODES.running, Name: "running" },
    StateTransitionReason: o.stopped ? `User initiated (${launch.slice(0, 10)} 18:04:11 GMT)` : "",
    LaunchTime: launch,
    Placement: {
      AvailabilityZone: ctx.azs[azIndex],
      Tenancy: o.tenancy ?? "default",
      ...(o.host ? { HostId: o.host.HostId, Affinity: rng.chance(0.5) ? "host" : "default" } : {}),
    },
    ...(profile.platform ? { Platform: profile.platform } : {}),
    PlatformDetails: profile.platformDetails,
    UsageOperation: profile.usageOperation,
    UsageOperationUpdateTime: launch,
    ...(o.spot ? { InstanceLifecycle: "spot" as const, SpotInstanceRequestId: ids.spotRequest(rng) } : {}),
    CpuOptions: { CoreCount: info.cores, ThreadsPerCore: threads },
    Architecture: info.architecture,
    VpcId: ctx.vpcId,
    SubnetId: ctx.subnets[azIndex],
    PrivateIpAddress: ip,
    PrivateDnsName: `ip-${ip.replaceAll(".", "-")}.${dnsZone}`,
    KeyName: `${ctx.env}-ops`,
    Tags: [
      { Key: "Name", Value: name },
      { Key: "Environment", Value: ctx.env },
      { Key: "CostCenter", Value: `CC-${rng.int(1000, 1009)}` },
    ],
  };
  if (profile.usageOperation === "RunInstances:0800" || profile.usageOperation === "RunInstances:00g0") {
    // BYOL images are tracked by a License Manager configuration of the account.
    const lic = Prng.of(ctx.seed, ctx.accountId, ctx.region, "license", profile.key).hex(32);
    instance.Licenses = [
      {
        LicenseConfigurationArn: arn(
          ctx.partition,
          "license-manager",
          ctx.region,
          ctx.accountId,
          `license-configuration:lic-${lic}`,
        ),
      },
    ];
  }
  if (!o.stopped && rng.chance(0.2)) {
    const pub = `${rng.pick([3, 18, 34, 52, 54])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    instance.PublicIpAddress = pub;
    instance.PublicDnsName = `ec2-${pub.replaceAll(".", "-")}.${ctx.region}.compute.${PARTITIONS[ctx.partition].dnsSuffix}`;
  }
  return instance;
}
