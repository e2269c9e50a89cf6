import type { Instance, Reservation } from "@aws-sdk/client-ec2";
import { decodeUsageOperation, instanceTypeFacts } from "@/lib/inventory/licensing";
import type { InstanceRow } from "../rows";
import { iso, jsonSafe, nameOf, num, sortedUnique, str, tagsOf } from "./values";

/** What DescribeImages says about an instance's AMI; null when the AMI is gone or not visible. */
export type ImageDetails = { name: string | null; ownerId: string | null; productCodes: string[] };

export type ReservationInfo = Pick<Reservation, "ReservationId" | "OwnerId">;

/** One DescribeInstances instance (with its reservation's owner) as an InstanceRow. */
export function mapInstance(instance: Instance, reservation: ReservationInfo, image: ImageDetails | null = null): InstanceRow {
  const tags = tagsOf(instance.Tags);
  const { coreCount, threadsPerCore } = cpuTopology(instance);
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
    vcpus: coreCount !== null && threadsPerCore !== null ? coreCount * threadsPerCore : null,
    platform: str(instance.Platform),
    platformDetails: str(instance.PlatformDetails),
    usageOperation: str(instance.UsageOperation),
    licensedProduct: licence.licensedProduct,
    licenceModel: licence.licenceModel,
    imageId: str(instance.ImageId),
    imageName: image?.name ?? null,
    imageOwnerId: image?.ownerId ?? null,
    // Marketplace codes sit on the AMI; the instance repeats them when it was launched from one.
    imageProductCodes: sortedUnique([...(image?.productCodes ?? []), ...(instance.ProductCodes ?? []).map((p) => p.ProductCodeId)]),
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

// CpuOptions is what the instance actually runs with (Optimize CPU may turn threads or cores
// off); the type's defaults stand in only when AWS did not report it.
function cpuTopology(instance: Instance): { coreCount: number | null; threadsPerCore: number | null } {
  const coreCount = num(instance.CpuOptions?.CoreCount);
  const threadsPerCore = num(instance.CpuOptions?.ThreadsPerCore);
  if (coreCount !== null && threadsPerCore !== null) return { coreCount, threadsPerCore };
  const facts = instanceTypeFacts(instance.InstanceType);
  return { coreCount: coreCount ?? facts?.cores ?? null, threadsPerCore: threadsPerCore ?? facts?.threadsPerCore ?? null };
}
