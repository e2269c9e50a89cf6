import type { Instance, Reservation } from "@aws-sdk/client-ec2";
import { decodeUsageOperation, instanceTypeFacts } from "@/lib/licensing";
import type { InstanceRow, VcpuSource } from "../rows";
import { iso, jsonSafe, nameOf, num, sortedUnique, str, tagsOf } from "../collect/values";

/** What DescribeImages says about an instance's AMI; null when the AMI is gone or not visible. */
export type ImageDetails = { name: string | null; ownerId: string | null; productCodes: string[] };

export type ReservationInfo = Pick<Reservation, "ReservationId" | "OwnerId">;

/** A type's default topology and where it was read; cores or threads may be unknown. */
export type TypeCpuFacts = {
  vcpus: number;
  cores: number | null;
  threadsPerCore: number | null;
  source: Exclude<VcpuSource, "cpu-options">;
};

/** The default topology of an instance type, or null when nobody knows it. */
export type TypeFactsLookup = (instanceType: string) => TypeCpuFacts | null;

/** Without DescribeInstanceTypes (Config items, hand-made records): Cirrus's own table. */
export const builtInTypeFacts: TypeFactsLookup = (instanceType) => {
  const facts = instanceTypeFacts(instanceType);
  return facts ? { ...facts, source: "built-in" } : null;
};

/**
 * One DescribeInstances instance (with its reservation's owner) as an InstanceRow. `typeFacts`
 * answers for instances without CpuOptions (the fetcher passes DescribeInstanceTypes' answer).
 */
export function mapInstance(
  instance: Instance,
  reservation: ReservationInfo,
  image: ImageDetails | null = null,
  typeFacts: TypeFactsLookup = builtInTypeFacts,
): InstanceRow {
  const tags = tagsOf(instance.Tags);
  const { coreCount, threadsPerCore, vcpus, vcpuSource } = instanceCpuTopology(instance, typeFacts);
  const licence = decodeUsageOperation(instance.UsageOperation, instance.PlatformDetails, instance.Platform);
  return {
    instanceId: instance.InstanceId ?? "",
    ownerId: str(reservation.OwnerId),
    availabilityZone: str(instance.Placement?.AvailabilityZone),
    name: nameOf(tags),
    state: str(instance.State?.Name),
    stateTransitionReason: str(instance.StateTransitionReason),
    launchTime: iso(instance.LaunchTime),
    // AWS omits InstanceLifecycle for on-demand instances.
    lifecycle: str(instance.InstanceLifecycle) ?? "on-demand",
    instanceType: str(instance.InstanceType),
    coreCount,
    threadsPerCore,
    vcpus,
    vcpuSource,
    platform: str(instance.Platform),
    platformDetails: str(instance.PlatformDetails),
    usageOperation: str(instance.UsageOperation),
    licensedProduct: licence.licensedProduct,
    licenceModel: licence.licenceModel,
    imageId: str(instance.ImageId),
    imageName: image?.name ?? null,
    imageOwnerId: image?.ownerId ?? null,
    // Marketplace codes sit on the AMI; the instance repeats them when it was launched from one.
    imageProductCodes: sortedUnique([
      ...(image?.productCodes ?? []),
      ...(instance.ProductCodes ?? []).map((p) => p.ProductCodeId),
    ]),
    licenseConfigurationArns: sortedUnique((instance.Licenses ?? []).map((l) => l.LicenseConfigurationArn)),
    tenancy: str(instance.Placement?.Tenancy),
    hostId: str(instance.Placement?.HostId),
    affinity: str(instance.Placement?.Affinity),
    privateIpAddress: str(instance.PrivateIpAddress),
    privateDnsName: str(instance.PrivateDnsName),
    publicIpAddress: str(instance.PublicIpAddress),
    vpcId: str(instance.VpcId),
    subnetId: str(instance.SubnetId),
    iamInstanceProfileArn: str(instance.IamInstanceProfile?.Arn),
    tags,
    raw: jsonSafe({ ...instance, ReservationId: reservation.ReservationId, OwnerId: reservation.OwnerId }),
  };
}

/** Whether the instance reported its own topology (else the fetcher must look its type up). */
export function hasCpuOptions(instance: Pick<Instance, "CpuOptions">): boolean {
  return num(instance.CpuOptions?.CoreCount) !== null && num(instance.CpuOptions?.ThreadsPerCore) !== null;
}

type Topology = Pick<InstanceRow, "coreCount" | "threadsPerCore" | "vcpus" | "vcpuSource">;

// CpuOptions is what the instance actually runs with (Optimize CPU may turn threads or cores
// off); the type's defaults stand in only for what AWS did not report.
export function instanceCpuTopology(
  instance: Pick<Instance, "CpuOptions" | "InstanceType">,
  typeFacts: TypeFactsLookup,
): Topology {
  const coreCount = num(instance.CpuOptions?.CoreCount);
  const threadsPerCore = num(instance.CpuOptions?.ThreadsPerCore);
  if (coreCount !== null && threadsPerCore !== null)
    return { coreCount, threadsPerCore, vcpus: coreCount * threadsPerCore, vcpuSource: "cpu-options" };
  const facts = instance.InstanceType ? typeFacts(instance.InstanceType) : null;
  if (!facts) return { coreCount, threadsPerCore, vcpus: null, vcpuSource: null };
  const cores = coreCount ?? facts.cores;
  const threads = threadsPerCore ?? facts.threadsPerCore;
  // A type AWS describes without its cores still has its default vCPUs.
  const vcpus =
    cores !== null && threads !== null
      ? cores * threads
      : coreCount === null && threadsPerCore === null
        ? facts.vcpus
        : null;
  return { coreCount: cores, threadsPerCore: threads, vcpus, vcpuSource: vcpus === null ? null : facts.source };
}
