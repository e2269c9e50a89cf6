import type { Tags, LicenceModel, VcpuSource } from "../rows";

// What the collector stores for one EC2 instance (PRODUCT.md "Fields that matter").
export type InstanceRow = {
  instanceId: string;
  ownerId: string | null;
  availabilityZone: string | null;
  name: string | null;
  state: string | null;
  stateTransitionReason: string | null;
  launchTime: string | null;
  lifecycle: string; // "on-demand" | "spot" | "scheduled" | "capacity-block"
  instanceType: string | null;
  coreCount: number | null;
  threadsPerCore: number | null;
  vcpus: number | null; // coreCount x threadsPerCore
  // Where the topology came from: the instance's own CpuOptions, EC2 DescribeInstanceTypes (the
  // type's defaults), Cirrus's built-in table (that call denied or failed), or nowhere (null).
  vcpuSource: VcpuSource | null;
  platform: string | null; // AWS Platform ("windows") or null
  platformDetails: string | null;
  usageOperation: string | null;
  // Decoded from UsageOperation / PlatformDetails: "Windows", "SQL Server Enterprise", "RHEL", "Linux/UNIX"...
  licensedProduct: string;
  licenceModel: LicenceModel;
  imageId: string | null;
  imageName: string | null;
  imageOwnerId: string | null;
  imageProductCodes: string[];
  licenseConfigurationArns: string[];
  tenancy: string | null;
  hostId: string | null;
  affinity: string | null;
  privateIpAddress: string | null;
  privateDnsName: string | null;
  publicIpAddress: string | null;
  vpcId: string | null;
  subnetId: string | null;
  iamInstanceProfileArn: string | null;
  tags: Tags;
  raw: unknown;
};
